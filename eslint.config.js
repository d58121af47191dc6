// Lint rules, including the dependency direction of ../shared/STYLE.md:
// product code never imports sandbox/ or test/, and each Azure, Graph and Teams SDK has one home.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const sdkHomes = [
  { pattern: '@azure/data-tables', home: 'src/store/' },
  { pattern: '@azure/storage-queue', home: 'src/store/' },
  { pattern: '@microsoft/microsoft-graph-client', home: 'src/graph/' },
  { pattern: '@azure/msal-node', home: 'src/graph/' },
  { pattern: 'botbuilder', home: 'src/teams/ or src/http/ or bot/' },
  { pattern: '@xapi/xapi', home: 'src/xapi/' },
];

const devOnly = {
  group: ['**/sandbox/**', '**/test/**', '../sandbox/*', '../test/*'],
  message: 'Product code never imports sandbox/ or test/.',
};

function restrict(allowed) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          devOnly,
          ...sdkHomes
            .filter((s) => !allowed.includes(s.pattern))
            .map((s) => ({
              group: [s.pattern, `${s.pattern}/*`],
              message: `${s.pattern} is imported only in ${s.home}.`,
            })),
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/**', '.sandbox/**', 'build/**', '**/dist/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.cjs', 'bin/**/*.js', '*.js'], languageOptions: { globals: globals.node } },
  { files: ['tabs/**/*.js', 'sandbox/teamsHost/page/*.js'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  { files: ['src/**/*.ts'], rules: restrict([]) },
  {
    // The tab front end runs in the browser and shares only the API contract types with the server.
    files: ['tabs/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            devOnly,
            {
              regex: '(^|/)src/(?!http/(?:[\\w-]+/)*contract\\.ts$)',
              message: 'tabs/ imports only the API contract types (src/http/**/contract.ts) from the server.',
            },
            {
              group: ['node:*', 'express', 'botbuilder', '@azure/*', 'pino', 'zod'],
              message: 'tabs/ runs in the browser: no server packages.',
            },
          ],
        },
      ],
    },
  },
  { files: ['src/store/**/*.ts'], rules: restrict(['@azure/data-tables', '@azure/storage-queue']) },
  {
    files: ['src/graph/**/*.ts'],
    rules: restrict(['@microsoft/microsoft-graph-client', '@azure/msal-node']),
  },
  { files: ['src/teams/**/*.ts', 'src/http/**/*.ts', 'bot/**/*.ts'], rules: restrict(['botbuilder']) },
  { files: ['src/xapi/**/*.ts'], rules: restrict(['@xapi/xapi']) },
  {
    files: ['src/domain/**/*.ts', 'src/cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            devOnly,
            {
              group: ['node:*', 'express', 'botbuilder', '@azure/*', '@microsoft/*', 'pino'],
              message: 'domain/ and cards/ are pure: no I/O.',
            },
          ],
        },
      ],
    },
  },
);
