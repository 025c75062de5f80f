// "No unused keys": every key of a message catalogue must be named somewhere in the app's sources.
// Each app's catalogue test reads its sources and expects `findUnusedKeys` to be empty.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One source file of an app, as read by its test: a path for the messages, the text to search. */
export interface SourceText {
  readonly path: string;
  readonly text: string;
}

/**
 * Keys that no source names literally because the code builds them, e.g. `reason_${code}`: the
 * keys they cover, the file that builds them and the expression it builds them with. An entry
 * whose file no longer holds that expression, or that covers no key, is stale (`findStaleDynamicKeys`).
 */
export interface DynamicKeys {
  readonly keys: RegExp;
  readonly builtIn: string;
  readonly by: string;
}

const readSources = (root: string, prefix: string): SourceText[] =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(ts|svelte)$/.test(path) && !path.endsWith('.test.ts'))
    .map((path) => ({ path: `${prefix}${path}`, text: readFileSync(join(root, path), 'utf8') }));

/**
 * The sources an app's catalogue keys may be named in (tests excluded): the app's own, under
 * `appSource`, and the shared UI's (its error table names keys too), prefixed `@pulih/ui/`.
 */
export const appSources = (appSource: string): SourceText[] => [
  ...readSources(appSource, ''),
  ...readSources(fileURLToPath(new URL('.', import.meta.url)), '@pulih/ui/'),
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a source names the key the way code reads a catalogue: a property access (`t.key`,
 * `t?.key`) or a string (`'key'`, `"key"`, `` `key` ``, as in the tables that map codes to keys).
 * A catalogue's own definitions (`key: '…'`) are neither, so the catalogue files can be searched too.
 */
function isNamedIn(key: string, text: string): boolean {
  const name = escapeRegExp(key);
  return new RegExp(`\\.${name}(?![\\w$])|(['"\`])${name}\\1`).test(text);
}

/** The keys of a catalogue that no source names and no dynamic entry covers, in catalogue order. */
export function findUnusedKeys(
  keys: readonly string[],
  sources: readonly SourceText[],
  dynamicKeys: readonly DynamicKeys[] = [],
): string[] {
  return keys.filter(
    (key) =>
      !dynamicKeys.some((entry) => entry.keys.test(key)) && !sources.some((source) => isNamedIn(key, source.text)),
  );
}

/** The dynamic entries that no longer hold: their file does not build keys that way any more, or they cover no key. */
export function findStaleDynamicKeys(
  keys: readonly string[],
  sources: readonly SourceText[],
  dynamicKeys: readonly DynamicKeys[],
): string[] {
  return dynamicKeys.flatMap((entry) => {
    const problems: string[] = [];
    const source = sources.find((candidate) => candidate.path === entry.builtIn);
    if (!source) problems.push(`${entry.keys}: ${entry.builtIn} is not a source file`);
    else if (!source.text.includes(entry.by)) problems.push(`${entry.keys}: ${entry.builtIn} has no ${entry.by}`);
    if (!keys.some((key) => entry.keys.test(key))) problems.push(`${entry.keys}: covers no key`);
    return problems;
  });
}
