import { LocaleState } from '@pulih/ui/locale.svelte';
import { type Messages, messages } from './messages';

/** The kiosk's language; the idle wipe sets it back to Bahasa Indonesia. */
export const locale = new LocaleState<Messages>({ messages, storageKey: 'pulih.kiosk.locale' });
