// @ts-check
// ESLint for Festplatz: typescript-eslint, the React hooks and jsx-a11y rules, and the
// layers as import boundaries (docs/decisions/076). Runs inside `npm test`.
import boundaries from 'eslint-plugin-boundaries';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Single files with a role of their own inside a layer. */
const files = [
  // configuration and the database handle: the domain may read them, nothing else of the wiring
  { category: 'config', pattern: ['app/server/env.server.ts', 'app/server/db.server.ts'] },
  // the demo data is written through the domain's own use cases
  { category: 'seed', pattern: ['db/demo.ts'] },
  // the document and the two entry points
  { category: 'root', pattern: ['app/root.tsx', 'app/entry.client.tsx', 'app/entry.server.tsx'] },
];

/** The layers, from the outside in. */
const elements = [
  { type: 'routes', pattern: 'app/routes/**' },
  { type: 'components', pattern: 'app/components/**' },
  { type: 'http', pattern: 'app/http/**' },
  { type: 'server', pattern: 'app/server/**' },
  { type: 'domain', pattern: 'app/domain/**' },
  { type: 'lib', pattern: 'app/lib/**' },
  { type: 'locales', pattern: 'app/locales/**' },
  { type: 'emails', pattern: 'emails/**' },
  { type: 'db', pattern: 'db/**' },
  { type: 'scripts', pattern: 'scripts/**' },
];

export default tseslint.config(
  { ignores: ['build/**', 'public/build/**', 'node_modules/**', '.cache/**', 'docs/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // a wide table in a focusable, labelled region scrolls by keyboard (axe: scrollable-region-focusable)
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
    },
  },
  {
    // Kysely's own convention: migrations are frozen in time and typed over Kysely<any>
    files: ['db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // client code never imports a server module's values (types are erased)
    files: ['app/components/**/*.{ts,tsx}', 'app/lib/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/*.server', '**/*.server.*'], allowTypeImports: true, message: 'Client code must not import server modules (their values are empty in the browser bundle).' }] }],
    },
  },
  {
    // payments depends on registrations, never the other way round: an approval reaches the
    // payments domain through the hook `onApproval` (app/domain/wiring.server.ts)
    files: ['app/domain/registrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/payments/*', '~/domain/payments/*'], message: 'registrations must not import payments (payments depends on registrations; use a hook, see app/domain/wiring.server.ts).' }] }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'emails/**/*.ts', 'db/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': files,
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            { from: { element: { type: 'routes' } }, allow: { to: { element: { types: { anyOf: ['components', 'http', 'server', 'domain', 'lib', 'locales', 'db', 'emails'] } } } } },
            { from: { file: { categories: 'root' } }, allow: { to: { element: { types: { anyOf: ['components', 'http', 'server', 'domain', 'lib', 'locales', 'routes'] } } } } },
            { from: { element: { type: 'components' } }, allow: { to: { element: { types: { anyOf: ['components', 'lib', 'domain', 'locales', 'db'] } } } } },
            { from: { element: { type: 'http' } }, allow: { to: { element: { types: { anyOf: ['http', 'server', 'domain', 'lib', 'db', 'locales'] } } } } },
            { from: { element: { type: 'server' } }, allow: { to: { element: { types: { anyOf: ['server', 'domain', 'lib', 'db', 'emails', 'locales'] } } } } },
            { from: { element: { type: 'domain' } }, allow: { to: { element: { types: { anyOf: ['domain', 'lib', 'db', 'emails'] } } } } },
            { from: { element: { type: 'lib' } }, allow: { to: { element: { types: { anyOf: ['lib', 'locales'] } } } } },
            { from: { element: { type: 'emails' } }, allow: { to: { element: { types: { anyOf: ['emails', 'lib', 'domain'] } } } } },
            { from: { element: { type: 'db' } }, allow: { to: { element: { types: { anyOf: ['db'] } } } } },
            { from: { element: { type: 'domain' } }, allow: { to: { element: { type: 'server' }, file: { categories: 'config' } } } },
            { from: { file: { categories: 'seed' } }, allow: { to: { element: { types: { anyOf: ['db', 'domain', 'lib'] } } } } },
            { from: { element: { type: 'scripts' } }, allow: { to: { element: { types: { anyOf: ['server', 'domain', 'lib', 'db', 'seed', 'emails', 'http'] } } } } },
          ],
        },
      ],
    },
  },
);
