import { svelte } from '@sveltejs/vite-plugin-svelte';
import { definePackageTests } from '../../tooling/vitest.shared.ts';

// The svelte plugin compiles runes in `*.svelte.ts` modules for the tests too.
export default definePackageTests({}, [svelte()]);
