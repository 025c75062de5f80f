import { definePackageTests } from '../../tooling/vitest.shared.ts';

// Each CLI test runs the real `pulih` binary several times as child processes: under a full
// parallel run on two cores that can take longer than vitest's 5-second default.
export default definePackageTests({ testTimeout: 30_000 });
