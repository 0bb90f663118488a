// The layer and app boundaries of STYLE.md §1, checked by `npm run lint`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ is pure TypeScript: it imports nothing outside its own domain folder and the shared kernel (no Nest, no SQL, no Kafka).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: {
        pathNot: ['^apps/$1/src/domain/', '^libs/domain-kernel/', '^node:'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'apps-are-apart',
      comment: 'An app never imports another app: apps meet only through libs/contracts and Kafka topics.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'slices-are-apart',
      comment: 'A use-case slice never imports another slice; what two share belongs in the domain or a lib.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/src/(commands|queries|reactions)/([^/]+)/' },
      to: { path: '^apps/$1/src/(commands|queries|reactions)/', pathNot: '^apps/$1/src/$2/$3/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'production-code-never-imports-testing',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.(spec|int-spec|e2e-spec)\\.ts$', '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
