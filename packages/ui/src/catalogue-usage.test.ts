// biome-ignore-all lint/suspicious/noTemplateCurlyInString: source text with the expressions that build keys, meant literally
import { describe, expect, it } from 'vitest';
import { type DynamicKeys, findStaleDynamicKeys, findUnusedKeys } from './catalogue-usage';

const catalogue = {
  path: 'messages.ts',
  text: "const id = { loginTitle: 'Masuk', logout: 'Keluar', errorGeneric: 'Galat', state_paid: 'Dibayar' };",
};

describe('findUnusedKeys', () => {
  it('counts property accesses and strings as uses, and the definitions not', () => {
    const page = { path: 'Page.svelte', text: '<h1>{locale.t.loginTitle}</h1> {t?.logout}' };
    const errors = { path: 'errors.ts', text: "const keys = { INTERNAL: 'errorGeneric' };" };
    expect(findUnusedKeys(['loginTitle', 'logout', 'errorGeneric'], [catalogue, page, errors])).toEqual([]);
    expect(findUnusedKeys(['loginTitle', 'logout', 'errorGeneric'], [catalogue])).toEqual([
      'loginTitle',
      'logout',
      'errorGeneric',
    ]);
  });

  it('does not take a longer name, a test id or plain words for the key', () => {
    const page = {
      path: 'Page.svelte',
      text: '<button data-testid="logout-button" onclick={logout}>{t.logoutAll}</button> {t.loginTitleHint}',
    };
    expect(findUnusedKeys(['logout', 'loginTitle'], [page])).toEqual(['logout', 'loginTitle']);
  });

  it('leaves out the keys a dynamic entry covers', () => {
    const dynamic: DynamicKeys[] = [{ keys: /^state_/, builtIn: 'Page.svelte', by: 't[`state_${' }];
    expect(findUnusedKeys(['state_paid', 'logout'], [catalogue], dynamic)).toEqual(['logout']);
  });
});

describe('findStaleDynamicKeys', () => {
  const page = { path: 'Page.svelte', text: '{t[`state_${claim.state}`]}' };

  it('accepts an entry whose file builds the keys and that covers some', () => {
    expect(
      findStaleDynamicKeys(['state_paid'], [page], [{ keys: /^state_/, builtIn: 'Page.svelte', by: '`state_${' }]),
    ).toEqual([]);
  });

  it('names entries whose file is gone or no longer builds the keys, and entries that cover no key', () => {
    expect(
      findStaleDynamicKeys(
        ['state_paid'],
        [page],
        [
          { keys: /^state_/, builtIn: 'Gone.svelte', by: '`state_${' },
          { keys: /^state_/, builtIn: 'Page.svelte', by: '`status_${' },
          { keys: /^topic_/, builtIn: 'Page.svelte', by: '`state_${' },
        ],
      ),
    ).toEqual([
      '/^state_/: Gone.svelte is not a source file',
      '/^state_/: Page.svelte has no `status_${',
      '/^topic_/: covers no key',
    ]);
  });
});
