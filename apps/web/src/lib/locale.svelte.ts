import { defaultLocale, isLocale, type Locale, type Messages, messages } from './messages';

const storageKey = 'pulih.locale';

/** Storage can be missing or throw (private mode, blocked cookies): the language then simply is not remembered. */
function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(storageKey, locale);
  } catch {
    // Not remembered across visits; the switch still works for this page.
  }
}

/** The chosen language, shared by every component and remembered in localStorage. */
export class LocaleState {
  current = $state<Locale>(defaultLocale);

  constructor() {
    this.current = readStoredLocale();
    this.applyToDocument();
  }

  get t(): Messages {
    return messages[this.current];
  }

  set(locale: Locale): void {
    this.current = locale;
    storeLocale(locale);
    this.applyToDocument();
  }

  private applyToDocument(): void {
    if (typeof document !== 'undefined') document.documentElement.lang = this.current;
  }
}

export const locale = new LocaleState();
