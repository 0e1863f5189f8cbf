import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/vscode/**', 'test/vscode-web/**', 'node_modules/**'],
    testTimeout: 30_000,
    coverage: {
      include: ['src/core/**', 'src/rules/**'],
    },
  },
});
