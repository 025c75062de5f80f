import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const listFile = fileURLToPath(new URL('../../data/common-passwords.txt', import.meta.url));

let cached: ReadonlySet<string> | undefined;

/** The common-password list shipped with the project (see the file's header for its source). */
export function commonPasswords(): ReadonlySet<string> {
  cached ??= new Set(
    readFileSync(listFile, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return cached;
}
