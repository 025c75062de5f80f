import { definePackageTests } from '../../tooling/vitest.shared.ts';

// Browser tests start a server and a Chromium: give them room, and run the files one by one.
export default definePackageTests({ testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false });
