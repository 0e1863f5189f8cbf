// ESLint (flat config): typescript-eslint's type-checked recommended rules on the TypeScript (types from tsconfig.json,
// through the project service), its untyped recommended rules on the .mjs scripts, and the import boundaries that keep
// the core pure.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
/** Imports the pure layers (src/core, src/rules, src/api) must not make. */
const PURE_PATHS = [
  { name: 'vscode', message: 'src/core, src/rules and src/api are pure: no vscode (use src/extension).' },
  ...NODE_BUILTINS.map((name) => ({
    name,
    message: 'src/core, src/rules and src/api are pure: no Node built-ins (use src/node).',
  })),
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'coverage/**', 'bench/**', 'test/vscode/**', '**/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // The pure layers: text in, problems out. No editor, no Node, no process.
    files: ['src/core/**/*.ts', 'src/rules/**/*.ts', 'src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: PURE_PATHS }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core, src/rules and src/api are pure: no process.' },
      ],
    },
  },
  {
    // The core knows no rule: the API layer (src/api) composes the core with the rule registry.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: PURE_PATHS,
          patterns: [
            {
              regex: '(^|/)rules/',
              message: 'src/core knows no rule: src/api composes it with the rules (pass them in).',
            },
            { regex: '(^|/)api/', message: 'src/core is below the API layer: src/api imports the core, not back.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: PURE_PATHS,
          patterns: [
            { regex: '(^|/)api/', message: 'Rules use the core (src/core); the API layer (src/api) is above them.' },
          ],
        },
      ],
    },
  },
  {
    // The shells reach the core and the rules only through the public API entry.
    files: ['src/extension/**/*.ts', 'src/cli/**/*.ts', 'src/node/**/*.ts', 'src/formatters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)core/',
              message: 'Reach the core through the API entry, src/api/index.ts (export what you need).',
            },
            { regex: '(^|/)rules/', message: 'Reach the rules through the API entry, src/api/index.ts.' },
            { regex: '(^|/)api/(?!index\\.js$)', message: 'Import the API through its entry, src/api/index.ts.' },
          ],
        },
      ],
    },
  },
  {
    // Why: the .mjs scripts are JavaScript outside any tsconfig (no allowJs): they get the rules that need no types.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.ts'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'].map(
          (g) => [g, 'readonly'],
        ),
      ),
    },
  },
  {
    // Why: the extension's entry files reference the vscode types (a type-only module the bundler leaves out).
    files: ['src/extension/**/*.ts'],
    rules: { '@typescript-eslint/triple-slash-reference': 'off' },
  },
  {
    // Why: tests match terminal colour codes; their fakes implement async interfaces (vscode's, the extension's) with
    // bodies that have nothing to await.
    files: ['test/**/*.ts'],
    rules: { 'no-control-regex': 'off', '@typescript-eslint/require-await': 'off' },
  },
);
