// What every app's message catalogue has in common: the two languages, Bahasa Indonesia first.

export type Locale = 'id' | 'en';
export const locales: readonly Locale[] = ['id', 'en'];
export const defaultLocale: Locale = 'id';

/** One app's messages in both languages; `M` is the shape of its catalogue. */
export type Catalogues<M> = { readonly [L in Locale]: M };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders; a placeholder without a value is left visible rather than dropped. */
export function formatMessage(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}

/** The `{name}` placeholders of a message, sorted: both languages of a key must use the same ones. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\w+\}/g)].map((match) => match[0]).sort();
}

/**
 * The ways two languages of one catalogue disagree: keys only one has, empty texts, different
 * placeholders. Each app's catalogue test expects this to be empty.
 */
export function findCatalogueProblems(catalogues: Catalogues<Readonly<Record<string, string>>>): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(catalogues.id), ...Object.keys(catalogues.en)]);
  for (const key of keys) {
    const texts = locales.map((locale) => catalogues[locale][key]);
    locales.forEach((locale, index) => {
      const text = texts[index];
      if (text === undefined) problems.push(`${key}: missing in ${locale}`);
      else if (text.trim() === '') problems.push(`${key}: empty in ${locale}`);
    });
    const [first, second] = texts;
    if (first !== undefined && second !== undefined && placeholdersOf(first).join() !== placeholdersOf(second).join()) {
      problems.push(`${key}: placeholders differ`);
    }
  }
  return problems;
}
