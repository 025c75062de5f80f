import { LocaleState } from '@pulih/ui/locale.svelte';
import { type Messages, messages } from './messages';

/** The member portal's language, shared by every component. */
export const locale = new LocaleState<Messages>({ messages, storageKey: 'pulih.locale' });
