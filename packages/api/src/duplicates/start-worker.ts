import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Loader hooks for a worker started from the TypeScript sources (vitest runs them; Node 20
 * cannot): each `.ts` module is compiled on load with the `typescript` package, and a relative
 * `./x.js` import from a `.ts` module finds `./x.ts`. Workspace packages resolve as usual (built).
 */
const SOURCE_HOOKS = `
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
let ts;
export async function initialize(data) {
  ts = (await import(data.typescript)).default;
}
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (!/^\\.\\.?\\//.test(specifier) || !specifier.endsWith('.js') || !context.parentURL?.endsWith('.ts')) throw error;
    return next(specifier.slice(0, -3) + '.ts', context);
  }
}
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const fileName = fileURLToPath(url);
  const compiled = ts.transpileModule(await readFile(fileName, 'utf8'), {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      inlineSourceMap: true,
    },
  });
  return { format: 'module', source: compiled.outputText, shortCircuit: true };
}
`;

/** The worker's first script when started from the sources: install the hooks, then load the entry. */
const SOURCE_BOOTSTRAP = `
const { register } = require('node:module');
const { workerData } = require('node:worker_threads');
register(workerData.sourceHooks, { data: { typescript: workerData.typescript } });
import(workerData.sourceEntry);
`;

/**
 * Starts the worker thread whose entry is `name` (e.g. `scan-worker`) beside the module `beside`
 * (by default this one): the compiled `name.js` when the server runs from `dist/` (`pnpm start`,
 * `pnpm serve`, the CLI's tests), `name.ts` through the hooks above when it runs from the sources
 * (the api's own tests).
 */
export function startWorker(name: string, options: WorkerOptions = {}, beside: string = import.meta.url): Worker {
  if (!beside.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, beside), options);
  const typescript = pathToFileURL(createRequire(import.meta.url).resolve('typescript')).href;
  return new Worker(SOURCE_BOOTSTRAP, {
    ...options,
    eval: true,
    workerData: {
      sourceEntry: new URL(`./${name}.ts`, beside).href,
      sourceHooks: `data:text/javascript,${encodeURIComponent(SOURCE_HOOKS)}`,
      typescript,
    },
  });
}
