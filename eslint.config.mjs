// ESLint (flat config): typescript-eslint's recommended rules, and the import boundaries that keep the core pure.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'coverage/**', 'bench/**', 'test/vscode/**', 'web/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // The pure core: text in, problems out. No editor, no Node, no process.
    files: ['src/core/**/*.ts', 'src/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core and src/rules are pure: no vscode (use src/extension).' },
            ...NODE_BUILTINS.map((name) => ({ name, message: 'src/core and src/rules are pure: no Node built-ins (use src/node).' })),
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core and src/rules are pure: no process.' }],
    },
  },
  {
    // The shells reach the core only through its public entry.
    files: ['src/extension/**/*.ts', 'src/cli/**/*.ts', 'src/node/**/*.ts', 'src/formatters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)core/(?!index\\.js$)',
              message: 'Import the core through src/core/index.ts (export what you need from it).',
            },
            { regex: '(^|/)rules/', message: 'Rules are reached through the core entry (src/core/index.ts).' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.ts'],
    languageOptions: {
      globals: Object.fromEntries(['process', 'console', 'URL', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'].map((g) => [g, 'readonly'])),
    },
  },
  {
    // Why: the extension's entry files reference the vscode types (a type-only module the bundler leaves out).
    files: ['src/extension/**/*.ts'],
    rules: { '@typescript-eslint/triple-slash-reference': 'off' },
  },
  {
    // Why: tests match terminal colour codes.
    files: ['test/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
