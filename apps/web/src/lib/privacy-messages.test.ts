import { findCatalogueProblems } from '@pulih/ui/messages';
import { describe, expect, it } from 'vitest';
import { correctionErrorKeys, dataCategories, privacyMessages } from './privacy-messages';
import { privacyNavMessages } from './privacy-nav-messages';

describe('the "Data saya" strings', () => {
  it('have every key in both languages with the same placeholders', () => {
    expect(findCatalogueProblems(privacyMessages)).toEqual([]);
    expect(findCatalogueProblems(privacyNavMessages)).toEqual([]);
  });

  it('name every category of the export and every correction error they explain', () => {
    for (const category of dataCategories) expect(privacyMessages.id[`category_${category}`]).toBeTruthy();
    for (const key of Object.values(correctionErrorKeys)) expect(privacyMessages.en[key]).toBeTruthy();
  });
});
