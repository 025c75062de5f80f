import { type Catalogues, defaultLocale, isLocale, type Locale } from './messages';

/** Where the language is remembered; a stand-in in tests. */
export type LocaleStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface LocaleOptions<M> {
  messages: Catalogues<M>;
  /** localStorage key: each app remembers its own language. */
  storageKey: string;
  storage?: LocaleStorage | undefined;
}

/** Storage can be missing or throw (private mode, blocked cookies): the language then simply is not remembered. */
function browserStorage(): LocaleStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The chosen language of one app, shared by every component and remembered in storage. */
export class LocaleState<M> {
  current = $state<Locale>(defaultLocale);

  readonly #messages: Catalogues<M>;
  readonly #storageKey: string;
  readonly #storage: LocaleStorage | undefined;

  constructor(options: LocaleOptions<M>) {
    this.#messages = options.messages;
    this.#storageKey = options.storageKey;
    this.#storage = 'storage' in options ? options.storage : browserStorage();
    this.current = this.#readStored();
    this.#applyToDocument();
  }

  /** The messages in the current language. */
  get t(): M {
    return this.#messages[this.current];
  }

  set(locale: Locale): void {
    this.current = locale;
    try {
      this.#storage?.setItem(this.#storageKey, locale);
    } catch {
      // Not remembered across visits; the switch still works for this page.
    }
    this.#applyToDocument();
  }

  #readStored(): Locale {
    try {
      const stored = this.#storage?.getItem(this.#storageKey);
      return isLocale(stored) ? stored : defaultLocale;
    } catch {
      return defaultLocale;
    }
  }

  #applyToDocument(): void {
    if (typeof document !== 'undefined') document.documentElement.lang = this.current;
  }
}
