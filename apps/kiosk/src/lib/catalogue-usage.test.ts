import { fileURLToPath } from 'node:url';
import { appSources, findUnusedKeys } from '@pulih/ui/catalogue-usage';
import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';

// "No unused keys": every key of the kiosk's catalogue is named in its sources (or the shared
// UI's: its error table names keys too). The kiosk builds no key from a code: its tables name
// each key in full. Tests do not count.

const appSource = fileURLToPath(new URL('..', import.meta.url));

const sources = appSources(appSource);

describe('the kiosk catalogues', () => {
  it('are all in catalogues.ts, which this check and the browser tests read', () => {
    const index = sources.find((source) => source.path === 'lib/catalogues.ts')?.text ?? '';
    const modules = sources.flatMap((source) => /^lib\/([\w-]*messages)\.ts$/.exec(source.path)?.[1] ?? []);
    expect(modules.length).toBeGreaterThan(0);
    for (const module of modules) expect(index, module).toContain(`from './${module}'`);
  });

  for (const [name, catalogue] of Object.entries(catalogues)) {
    it(`${name}: every key is used by the kiosk`, () => {
      expect(findUnusedKeys(Object.keys(catalogue.id), sources)).toEqual([]);
    });
  }
});
