// Lint: typescript-eslint with type information, React's hook rules, and the import boundaries
// between the folders (README, "Architecture"). `npm test` runs it; a violation fails CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import comments from '@eslint-community/eslint-plugin-eslint-comments';

/**
 * Who may import whom. Each zone forbids the files under `target` to import anything under `from`.
 * Imports point one way: shared ← db ← electron/services ← electron/handlers ← electron/main and
 * electron/cli; the renderer and the preload see only shared.
 */
const everythingBut = (...allowed) =>
  ['./shared', './db', './electron', './renderer', './tests', './bench', './build'].filter((d) => !allowed.includes(d));

const boundaries = [
  {
    target: './shared',
    from: everythingBut('./shared'),
    message: 'shared/ is the contract and the domain: it imports nothing outside shared/.',
  },
  {
    target: './db',
    from: everythingBut('./shared', './db'),
    message: 'db/ holds the queries: it imports only shared/ and db/, never electron/.',
  },
  {
    target: './renderer',
    from: everythingBut('./shared', './renderer'),
    message: 'The renderer talks to the main process only through the API: it never imports electron/ or db/.',
  },
  {
    target: './electron/preload',
    from: [...everythingBut('./shared', './electron'), './electron/services', './electron/handlers', './electron/main'],
    message: 'The preload sees only shared/.',
  },
  {
    target: './electron/services',
    from: ['./electron/handlers', './electron/main', './electron/cli', './electron/preload', './electron/testing'],
    message: 'Services are below the handlers, the window and the command line.',
  },
  {
    target: './electron/handlers',
    from: ['./electron/main', './electron/cli', './electron/preload', './electron/testing'],
    message: 'Handlers are below the window and the command line.',
  },
  {
    target: './electron/cli',
    from: ['./electron/main', './electron/handlers', './electron/preload', './electron/testing'],
    message: 'The command line does not reach into the window.',
  },
  {
    target: ['./tests', './bench'],
    from: ['./electron/main', './electron/cli'],
    message: 'Tests reach the window and the command line through electron/testing or a built bundle.',
  },
  {
    target: './electron/testing',
    from: ['./electron/main', './electron/handlers'],
    message: 'Test support never loads the window.',
  },
];

/** A test beside its code may use the test support in electron/testing; the code itself may not. */
const testBoundaries = boundaries.map((zone) =>
  zone.from.includes('./electron/testing')
    ? { ...zone, from: zone.from.filter((f) => f !== './electron/testing') }
    : zone,
);

const onlyMainImportsElectron = {
  paths: [
    {
      name: 'electron',
      message: "Only electron/main and the preload import 'electron'; everything else is plain Node and tested here.",
    },
  ],
};

/** SQL lives in db/: outside it, kysely is imported for its types only (a transaction handed on, a Db). */
const sqlOnlyInDb = {
  paths: [
    ...onlyMainImportsElectron.paths,
    {
      name: 'kysely',
      allowTypeImports: true,
      message: 'SQL and queries live in db/: elsewhere kysely is imported for its types only (import type).',
    },
  ],
};

/** Only a feature's queries.ts talks to the main process and names query keys (client.ts says so). */
const apiOnlyInQueries = [
  { selector: "CallExpression[callee.name='call']", message: "Only a feature's queries.ts calls the API." },
  { selector: "MemberExpression[object.name='window'][property.name='api']", message: 'Use renderer/src/api.' },
  {
    selector: "Property[key.name='queryKey']",
    message: "Query keys come from the feature's key factory (queries.ts).",
  },
];
/** Vietnamese letters: text a user reads lives in the feature's text.ts, never inline in a component. */
const vietnamese = String.raw`/[\u0103\u00e2\u0111\u00ea\u00f4\u01a1\u01b0\u0102\u00c2\u0110\u00ca\u00d4\u01a0\u01af\u00c0-\u00c3\u00c8-\u00ca\u00cc\u00cd\u00d2-\u00d5\u00d9\u00da\u00dd\u00e0-\u00e3\u00e8-\u00ea\u00ec\u00ed\u00f2-\u00f5\u00f9\u00fa\u00fd\u1ea0-\u1ef9]/`;
const textInTextFiles = [
  { selector: `Literal[value=${vietnamese}]`, message: "Vietnamese text lives in the feature's text.ts." },
  { selector: `JSXText[value=${vietnamese}]`, message: "Vietnamese text lives in the feature's text.ts." },
  { selector: `TemplateElement[value.raw=${vietnamese}]`, message: "Vietnamese text lives in the feature's text.ts." },
];

const noNodeBuiltins = [
  { group: ['node:*'], message: 'shared/, the renderer and the preload run in the window: no Node built-ins.' },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'renderer/dist/**',
      'test-output/**',
      'node_modules/**',
      'tests/smoke/electron-standin/**',
      'build/scripts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX, '@eslint-community/eslint-comments': comments },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs'] })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', sqlOnlyInDb],
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // An async method that implements an async interface without awaiting is correct code.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Kysely's own advice: a migration sees the database as it was then, typed Kysely<any>, never today's schema.
    files: ['db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests read JSON printed by the command line and spy on methods; the code under test is held to the full rules.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**', 'bench/**', 'electron/testing/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: testBoundaries }] },
  },
  {
    // The queries' home; tests and benchmarks may build data and measure floors in SQL.
    files: ['db/**', '**/*.test.ts', 'tests/**', 'bench/**', 'electron/testing/**'],
    rules: { 'no-restricted-imports': ['error', onlyMainImportsElectron] },
  },
  {
    files: ['electron/main/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The contract and the domain run in the window too, the renderer only there: no Node built-ins.
    files: ['shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { ...onlyMainImportsElectron, patterns: noNodeBuiltins }] },
  },
  {
    // The sandboxed preload: Electron's ipcRenderer, no Node built-ins, and no zod in its bundle.
    files: ['electron/preload/**/*.ts', 'shared/api/channels.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'The preload checks channel names only; zod stays out of its bundle.' }],
          patterns: noNodeBuiltins,
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The rules of hooks; the React Compiler's extra rules are for code the compiler rewrites, which this is not.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-syntax': ['error', ...apiOnlyInQueries],
    },
  },
  {
    files: ['renderer/src/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...apiOnlyInQueries, ...textInTextFiles] },
  },
  {
    // The one place that calls main and names query keys: each feature's queries.ts and the API client.
    files: ['renderer/src/**/queries.ts', 'renderer/src/api/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
