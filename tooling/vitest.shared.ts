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
      // `pnpm test` runs every package's suites at once on two cores, where a CPU-bound test
      // (a property test of a thousand cases, say) can take four times as long as alone:
      // vitest's 5-second default then fails tests that are correct. Speed is measured by the
      // benchmarks, not by timeouts.
      testTimeout: 30_000,
      ...extra,
    },
  });
}
