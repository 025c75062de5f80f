// One vitest setup for every package: a JSON report beside the package so the root test
// script can total every suite into one "N passed, N failed" line.
import { defineConfig, type ViteUserConfig } from 'vitest/config';

export function definePackageTests(
  extra: ViteUserConfig['test'] = {},
  plugins: ViteUserConfig['plugins'] = [],
): ViteUserConfig {
  return defineConfig({
    plugins,
    test: {
      reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
      include: ['src/**/*.test.ts'],
      ...extra,
    },
  });
}
