import { LocaleState } from '@pulih/ui/locale.svelte';
import { type Messages, messages } from './messages';

/**
 * The kiosk's language. Unlike the portal it is not remembered in storage: every visitor starts
 * in Bahasa Indonesia, and the wipe sets it back.
 */
export const locale = new LocaleState<Messages>({ messages, storageKey: 'pulih.kiosk.locale', storage: undefined });
