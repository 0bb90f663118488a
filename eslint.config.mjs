// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    // With decorator metadata the rule keeps value imports of classes that Nest reads at run time
    // (request DTOs, injected types), instead of asking for type-only imports that would break them.
    languageOptions: {
      parserOptions: {
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Type-aware: a promise nobody awaits loses its error; a switch over a union must name every member.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Settings are read once, by loadEnv in libs/platform/src/config.',
        },
      ],
    },
  },
  {
    // Where the environment is legitimately read: service start-up, and the test harness that finds Kafka and PostgreSQL.
    files: [
      'libs/platform/src/service/run-service.ts',
      'apps/identity/src/main.ts',
      'apps/console/src/main.ts',
      'libs/testing/src/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      'test/**/*.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The store's tables are its own: a copy of its SQL elsewhere breaks silently when it changes.
    // (Benchmarks read them on purpose: plain SQL is the ceiling Lintas is measured against.)
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['libs/event-store/**', 'libs/messaging/**', '**/*.spec.ts', '**/*-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TemplateElement[value.raw=/^\\.(events|streams|outbox|seals|checkpoints)\\b/]',
          message: "SQL on the event store's tables belongs in libs/event-store: ask the EventStore instead.",
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  prettier,
);
