import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

// The parts' boundaries (STYLE.md 2.1): web, server and cli import only shared; shared imports
// none of them and no Node built-ins. eslint-plugin-import-x would say it with zones, but its
// resolver's platform binaries are not all on our registry, which breaks `npm ci`
// (docs/decisions.md); no-restricted-imports patterns say the same.
function boundary(files, group, message) {
  return {
    files: [files],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
  }
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'bench/results/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.server.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through src/server/config.ts',
        },
      ],
    },
  },
  boundary('src/web/**', ['**/server/**', '**/cli/**'], 'web imports only shared'),
  boundary('src/server/**', ['**/web/**', '**/cli/**'], 'server imports only shared'),
  boundary('src/cli/**', ['**/web/**'], 'cli must not import web'),
  boundary(
    'src/shared/**',
    ['**/server/**', '**/web/**', '**/cli/**', 'node:*'],
    'shared imports none of the parts and runs in the browser too',
  ),
  {
    files: ['src/web/**/*.tsx', 'src/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/cli/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Benchmarks and browser tests start the server as a child process with its environment.
    files: ['bench/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
)
