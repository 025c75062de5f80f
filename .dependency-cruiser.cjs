/**
 * The layer rules of ARCHITECTURE.md, enforced in `pnpm lint`.
 * Workspace packages resolve through their node_modules links to packages/<name>/dist.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports nothing of ours and no Node built-in (no I/O, no clock, no randomness).',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: { path: '^(packages/(api|ui)|apps|tests)/' },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: '^packages/domain/src', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-no-packages',
      comment: 'The domain has no runtime dependencies at all.',
      severity: 'error',
      from: { path: '^packages/domain/src', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'api-never-imports-apps',
      severity: 'error',
      from: { path: '^packages/api/src' },
      to: { path: '^(apps|tests)/' },
    },
    {
      name: 'clients-never-touch-the-database',
      comment: 'The CLI and the front ends are thin clients: no database driver, no ORM.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: 'node_modules/.*(better-sqlite3|drizzle-orm)/' },
    },
    {
      name: 'clients-import-only-types-from-api',
      comment: 'apps/* may `import type` the router from @pulih/api; tests may start a real server.',
      severity: 'error',
      from: { path: '^apps/[^/]+/src', pathNot: '(\\.test\\.ts$|/test-support/)' },
      to: { path: '^packages/api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'front-ends-no-node-builtins',
      severity: 'error',
      from: { path: '^apps/(web|kiosk)/src', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Built output is reported as a dependency target but never cruised itself.
    doNotFollow: { path: ['node_modules', '(^|/)dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // '@pulih/source' points workspace packages at their sources, so linting needs no build.
      conditionNames: ['@pulih/source', 'import', 'types', 'default'],
      extensions: ['.ts', '.js', '.d.ts', '.svelte'],
    },
  },
};
