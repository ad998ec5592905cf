// Lint rules, including the layer rules of docs/architecture.md: imports only go down the layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const services = [
  'catalog',
  'records',
  'ingest',
  'auth',
  'consent',
  'analytics',
  'texts',
  'settings',
  'datasets',
];
const surfaces = ['api', 'web', 'admin'];
const rootOnly = [
  '**/app.ts',
  '**/open-storage.ts',
  '**/main.ts',
  '**/config/**',
  '**/cli/**',
  '**/cluster/**',
];

/** Builds a no-restricted-imports rule forbidding the given folders. */
function forbid(folders, extra = []) {
  const group = [...folders.map((f) => `**/${f}/**`), ...extra];
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group, message: 'This import goes up the layers (see docs/architecture.md).' },
        ],
      },
    ],
  };
}

const drivers = ['better-sqlite3', 'pg', 'fastify', '@fastify/*'];

const cookieHelper =
  'only src/http/cookie-jar.ts sets cookies, from the registry in src/core/cookies.ts';
/** Cookies are set through the registry's helper only (issue #7): no raw cookie API elsewhere. */
const rawCookieApi = [
  {
    selector:
      'CallExpression > MemberExpression.callee[property.name=/^(setCookie|clearCookie|cookie)$/]',
    message: `No reply.setCookie / clearCookie: ${cookieHelper}.`,
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(header|headers|setHeader|appendHeader|writeHead)$/] > Literal.arguments[value=/^set-cookie$/i]',
    message: `No raw Set-Cookie header: ${cookieHelper}.`,
  },
  {
    selector: 'Property > Literal.key[value=/^set-cookie$/i]',
    message: `No raw Set-Cookie header: ${cookieHelper}.`,
  },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name="cookie"]',
    message: `No document.cookie writes: ${cookieHelper}.`,
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'var/', 'bench/data/', 'bench/results/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/config reads the environment.' },
      ],
    },
  },
  {
    files: ['src/**'],
    rules: { 'no-restricted-syntax': ['error', ...rawCookieApi] },
  },
  {
    files: ['src/util/**'],
    rules: forbid(
      ['core', 'odsql', 'i18n', 'storage', 'http', ...services, ...surfaces],
      [...rootOnly, ...drivers],
    ),
  },
  {
    files: ['src/core/**'],
    rules: forbid(
      ['odsql', 'i18n', 'storage', 'http', ...services, ...surfaces],
      [...rootOnly, ...drivers],
    ),
  },
  {
    files: ['src/odsql/**', 'src/i18n/**'],
    ignores: ['**/*.test.ts'],
    rules: forbid(
      ['storage', 'http', ...services, ...surfaces],
      [...rootOnly, ...drivers, 'node:*'],
    ),
  },
  {
    // Their unit tests run on Node (node:test, node:assert); the code itself stays browser-safe.
    files: ['src/odsql/**/*.test.ts', 'src/i18n/**/*.test.ts'],
    rules: forbid(['storage', 'http', ...services, ...surfaces], [...rootOnly, ...drivers]),
  },
  {
    files: ['src/storage/**'],
    rules: forbid(
      ['i18n', 'http', ...services, ...surfaces],
      [...rootOnly, 'fastify', '@fastify/*'],
    ),
  },
  {
    files: ['src/storage/sqlite/**'],
    rules: forbid(['postgres'], [...rootOnly, 'pg', 'fastify', '@fastify/*']),
  },
  {
    files: ['src/storage/postgres/**'],
    rules: forbid(['sqlite'], [...rootOnly, 'better-sqlite3', 'fastify', '@fastify/*']),
  },
  {
    files: services.map((s) => `src/${s}/**`),
    rules: forbid(
      ['http', ...surfaces, 'storage/sqlite', 'storage/postgres'],
      [...rootOnly, ...drivers],
    ),
  },
  {
    files: ['src/http/**'],
    rules: forbid([...surfaces, 'storage'], [...rootOnly, 'better-sqlite3', 'pg']),
  },
  {
    // The cookie audit drives a browser against a running portal: it knows only core's
    // vocabulary and what the portal publishes, never the portal's own code.
    files: ['src/audit/**'],
    rules: forbid(
      ['odsql', 'i18n', 'storage', 'http', ...services, ...surfaces],
      [...rootOnly, ...drivers],
    ),
  },
  {
    files: surfaces.map((s) => `src/${s}/**`),
    rules: forbid(['storage'], [...rootOnly, 'better-sqlite3', 'pg']),
  },
);
