import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocaleState, type LocaleStorage } from './locale.svelte';
import type { Catalogues } from './messages';

const messages: Catalogues<{ hello: string }> = { id: { hello: 'Halo' }, en: { hello: 'Hello' } };

function memoryStorage(initial: Record<string, string> = {}): LocaleStorage & { items: Record<string, string> } {
  const items = { ...initial };
  return {
    items,
    getItem: (key) => items[key] ?? null,
    setItem: (key, value) => {
      items[key] = value;
    },
  };
}

describe('LocaleState', () => {
  // Tests run in Node: a stand-in for the one part of the DOM the state touches.
  beforeEach(() => {
    vi.stubGlobal('document', { documentElement: { lang: '' } });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('starts in Bahasa Indonesia when nothing is remembered', () => {
    const locale = new LocaleState({ messages, storageKey: 'app.locale', storage: memoryStorage() });
    expect(locale.current).toBe('id');
    expect(locale.t.hello).toBe('Halo');
  });

  it('switches the messages and the document language, and remembers the choice under its own key', () => {
    const storage = memoryStorage();
    const locale = new LocaleState({ messages, storageKey: 'app.locale', storage });
    locale.set('en');
    expect(locale.t.hello).toBe('Hello');
    expect(document.documentElement.lang).toBe('en');
    expect(storage.items).toEqual({ 'app.locale': 'en' });
    expect(new LocaleState({ messages, storageKey: 'app.locale', storage }).current).toBe('en');
    expect(new LocaleState({ messages, storageKey: 'other.locale', storage }).current).toBe('id');
  });

  it('ignores a remembered value that is not a language it knows', () => {
    const storage = memoryStorage({ 'app.locale': 'fr' });
    expect(new LocaleState({ messages, storageKey: 'app.locale', storage }).current).toBe('id');
  });

  it('still switches when storage is missing or throws', () => {
    const throwing: LocaleStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    for (const storage of [undefined, throwing]) {
      const locale = new LocaleState({ messages, storageKey: 'app.locale', storage });
      expect(locale.current).toBe('id');
      locale.set('en');
      expect(locale.t.hello).toBe('Hello');
    }
  });
});
