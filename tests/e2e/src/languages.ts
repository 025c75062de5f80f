import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Both languages on every page the flows visit: the page is switched with its own language
// switch, and what it shows is compared with the apps' message catalogues. Every catalogue text
// shown in the first language must be shown in the second one, and nothing that exists only in
// the first language may be left (names, numbers and other data are not in the catalogues).

type Lang = 'id' | 'en';

/** Where every check is recorded (JSON lines, as accessibility.ts), for docs/ASSURANCE.md; unset, nothing is written. */
const reportPath = process.env.PULIH_E2E_REPORT;
type Catalogue = Readonly<Record<string, string>>;

/** One catalogue text as a pattern: placeholders match anything, whitespace is normalised. */
interface Template {
  readonly text: string;
  readonly pattern: RegExp;
  readonly hasPlaceholders: boolean;
}

/** One key of one catalogue in both languages. */
interface Entry {
  readonly key: string;
  readonly id: Template;
  readonly en: Template;
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templateOf(text: string): Template {
  const literal = normalise(text).split(/\{\w+\}/);
  return {
    text: normalise(text),
    pattern: new RegExp(`^${literal.map(escapeRegExp).join('(.+?)')}$`, 's'),
    hasPlaceholders: literal.length > 1,
  };
}

/** Letters outside the placeholders: a text with fewer is too short to tell the languages apart. */
const lettersOf = (text: string): number => text.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '').length;

/**
 * The catalogues, imported from the apps' sources at run time (vitest compiles them); a literal
 * import would have this package's typecheck (NodeNext) compile the apps, written for a bundler.
 */
async function importCatalogues(path: string): Promise<Record<string, { id: Catalogue; en: Catalogue }>> {
  const module = (await import(fileURLToPath(new URL(path, import.meta.url)))) as {
    catalogues: Record<string, { id: Catalogue; en: Catalogue }>;
  };
  return module.catalogues;
}

/** An app's catalogue texts, and those that belong to one language only. */
interface Texts {
  readonly all: readonly Entry[];
  readonly onlyIn: Readonly<Record<Lang, readonly Entry[]>>;
}

/**
 * A text is one language's own when it is long enough to tell the languages apart and is no text
 * of the other language (e.g. "NIK" or "Web" are both).
 */
function onlyIn(entries: readonly Entry[], lang: Lang): Entry[] {
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const otherTexts = entries.filter((entry) => lettersOf(entry[other].text) >= 3).map((entry) => entry[other]);
  return entries.filter((entry) => {
    const own = normalise(entry[lang].text);
    return lettersOf(own) >= 3 && !otherTexts.some((text) => text.pattern.test(own));
  });
}

const textsByApp = new Map<'web' | 'kiosk', Promise<Texts>>();

function textsOf(app: 'web' | 'kiosk'): Promise<Texts> {
  let texts = textsByApp.get(app);
  if (!texts) {
    texts = importCatalogues(`../../../apps/${app}/src/lib/catalogues.ts`).then((catalogues) => {
      const all = Object.values(catalogues).flatMap((catalogue) =>
        Object.keys(catalogue.id).flatMap((key) => {
          const id = catalogue.id[key];
          const en = catalogue.en[key];
          return id === undefined || en === undefined ? [] : [{ key, id: templateOf(id), en: templateOf(en) }];
        }),
      );
      return { all, onlyIn: { id: onlyIn(all, 'id'), en: onlyIn(all, 'en') } };
    });
    textsByApp.set(app, texts);
  }
  return texts;
}

/**
 * What the page shows, as short strings: every text node, the text of every element without
 * element children, and the texts that are read rather than seen (accessible names, placeholders,
 * titles, the document title). Not the text of larger elements: those are many messages at once.
 */
async function shownTexts(page: Page): Promise<string[]> {
  const texts = await page.evaluate<string[]>(`(() => {
    // The document title, whole and in its parts ("Saldo JHT — Pulih").
    const texts = [document.title, ...document.title.split(' — ')];
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest('script, style')) continue;
      if (element.childElementCount === 0) texts.push(element.textContent ?? '');
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('script, style')) texts.push(node.data);
    }
    return texts;
  })()`);
  return [...new Set(texts.map(normalise))].filter((text) => text.length > 0);
}

/**
 * The catalogue texts a shown text is: the one it equals when there is one, otherwise those whose
 * placeholders it fills ("Riwayat akses data" is a title of its own, not "{n} data").
 */
function showing(text: string, entries: readonly Entry[], lang: Lang): Entry[] {
  const exact = entries.filter((entry) => !entry[lang].hasPlaceholders && entry[lang].text === text);
  return exact.length > 0
    ? exact
    : entries.filter((entry) => entry[lang].hasPlaceholders && entry[lang].pattern.test(text));
}

/**
 * Everyday words of one language that the other one's texts do not use: a text shown unchanged
 * after the switch with one of them was written into a component instead of a catalogue.
 */
const markers: Readonly<Record<Lang, RegExp>> = {
  id: /\b(Anda|yang|dan|untuk|dengan|tidak|belum|sudah|silakan|kami)\b/i,
  en: /\b(the|your|you|please|with|this|and|not)\b/i,
};

async function switchTo(page: Page, lang: Lang): Promise<void> {
  await page.click(`.language-switch button[lang="${lang}"]`);
  await page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(lang)}`);
  // Let the page render the new language before it is read.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

/** What one switch found, for the report. */
export interface LanguageCheck {
  /** Catalogue texts shown before the switch whose counterpart was looked for after it. */
  readonly texts: number;
}

/**
 * Switches the page to the other language with its language switch and checks it: every
 * catalogue text it showed has its counterpart shown, and no text of the first language alone is
 * left. The page stays in the other language; `label` names it in the failure.
 */
export async function expectOtherLanguage(page: Page, label: string): Promise<LanguageCheck> {
  const app = new URL(page.url()).pathname.startsWith('/kiosk') ? 'kiosk' : 'web';
  const texts = await textsOf(app);
  const from = (await page.evaluate<string>('document.documentElement.lang')) as Lang;
  expect(['id', 'en'], `${label}: the page's language`).toContain(from);
  const to: Lang = from === 'id' ? 'en' : 'id';

  const before = await shownTexts(page);
  const onlyFrom = new Set(texts.onlyIn[from]);
  // Each shown text with the catalogue texts it can be; one that fits several keys (e.g. "Kembali",
  // or "Dibuat 1 Mei 2026" for "Dibuat {at}" and "Dibuat {date}") needs one of their counterparts.
  const shownBefore = before
    .map((text) => ({ text, entries: showing(text, texts.all, from).filter((entry) => onlyFrom.has(entry)) }))
    .filter(({ entries }) => entries.length > 0);
  await switchTo(page, to);
  const after = await shownTexts(page);

  const missing = shownBefore
    .filter(({ entries }) => !entries.some((entry) => after.some((shown) => entry[to].pattern.test(shown))))
    .map(({ text }) => text);
  // Left over: a text of the first language alone, or a text written into a component rather
  // than taken from a catalogue, shown unchanged and with words only that language uses.
  const isOfTo = (text: string) =>
    texts.all.some((entry) => lettersOf(entry[to].text) >= 3 && entry[to].pattern.test(text));
  const unchanged = new Set(before);
  const leftOver = after.filter(
    (text) =>
      !isOfTo(text) &&
      (showing(text, texts.all, from).some((entry) => onlyFrom.has(entry)) ||
        (unchanged.has(text) && markers[from].test(text))),
  );
  if (reportPath) {
    appendFileSync(
      reportPath,
      `${JSON.stringify({ check: 'language', label, from, to, texts: shownBefore.length, missing, leftOver })}\n`,
    );
  }
  const problems = [
    ...missing.map((text) => `not translated: ${JSON.stringify(text)}`),
    ...leftOver.map((text) => `left in ${from}: ${JSON.stringify(text)}`),
  ];
  expect(problems.join('\n'), `${label}: switched from ${from} to ${to}`).toBe('');
  return { texts: shownBefore.length };
}

/** Switches the page back with its language switch (after `expectOtherLanguage`). */
export async function switchBack(page: Page, lang: Lang): Promise<void> {
  await switchTo(page, lang);
}
