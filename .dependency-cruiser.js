// The layer and app boundaries (docs/architecture.md, "Dependency rules"), checked by `npm run lint`.
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
        pathNot: ['^apps/$1/src/domain/', '^libs/domain-kernel/', '^libs/person-matching/', '^node:'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'apps-are-apart',
      comment:
        'An app never imports another app: apps meet only through libs/contracts and Kafka topics. ' +
        'A test may start the app the code under test talks to (the CLI drives health-liaison).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '\\.(app-spec|int-spec)\\.ts$' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'slices-are-apart',
      comment: 'A use-case slice never imports another slice; what two share belongs in the domain or a lib.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/src/(commands|queries|reactions)/([^/]+)/' },
      to: {
        path: '^apps/$1/src/(commands|queries|reactions)/',
        pathNot: ['^apps/$1/src/$2/$3/', '^apps/$1/src/commands/[^/]+/[^/]+\\.command\\.ts$'],
      },
    },
    {
      name: 'reactions-dispatch-commands',
      comment:
        "A reaction turns another service's event into one of this service's commands: it may import a command slice's `*.command.ts` (the message it sends through the CommandBus), nothing else of a slice.",
      severity: 'error',
      from: { path: '^apps/([^/]+)/src/reactions/' },
      to: { path: '^apps/$1/src/commands/', pathNot: '^apps/$1/src/commands/[^/]+/[^/]+\\.command\\.ts$' },
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
      from: { path: '^(apps|libs)/', pathNot: ['\\.(spec|int-spec|app-spec|e2e-spec)\\.ts$', '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'production-code-never-imports-lib-tests',
      comment:
        "A lib's test/ folder holds harness and fixtures for its tests: outside `src/` so that no build compiles it, and only spec files may reach it from `src/`.",
      severity: 'error',
      from: { path: '^(apps|libs)/[^/]+/src/', pathNot: '\\.(spec|int-spec|app-spec|e2e-spec)\\.ts$' },
      to: { path: '^libs/[^/]+/test/' },
    },
    {
      name: 'store-internals-stay-in-the-store',
      comment:
        "Only the event store knows how it appends, locks and reads its tables; others ask it (EventStore's methods), so a change inside it cannot silently break them.",
      severity: 'error',
      from: { pathNot: ['^libs/event-store/'] },
      to: {
        path: '^libs/event-store/src/(append|read|schema|sealing/sealer|hashing)/',
        pathNot: '^libs/event-store/src/read/visibility\\.ts$',
      },
    },
    {
      name: 'libs-keep-their-layer',
      comment:
        'The event store and messaging are below the HTTP edge and the command kit: they never import them (the store takes only the database helpers and the actor type of the edge).',
      severity: 'error',
      from: { path: '^libs/(event-store|messaging|privacy|contracts|domain-kernel|evidence)/src/' },
      to: {
        path: ['^libs/commands/', '^libs/platform/src/http/(?!agency/agency-token)', '^libs/person-journey/'],
      },
    },
    {
      name: 'evidence-is-pure',
      comment:
        'libs/evidence is what an outsider runs to check a bundle offline: pure TypeScript on node:crypto, so that it can be read and trusted on its own (no Nest, no SQL, no other lib).',
      severity: 'error',
      from: { path: '^libs/evidence/src/' },
      to: { pathNot: '^libs/evidence/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports is dead code (entry points, tests, configs and type declarations aside).',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '\\.(spec|int-spec|app-spec|e2e-spec)\\.ts$',
          '(^|/)main\\.ts$',
          '\\.d\\.ts$',
          '(^|/)(bench|scripts)/',
          '^libs/testing/src/(jest|infra)/',
          '\\.(js|mjs|cjs)$',
        ],
      },
      to: {},
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
