import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/vscode/**', 'test/vscode-web/**', 'node_modules/**'],
    // Why: a guard against hangs, not a speed check (speed is measured in the benchmark); property tests on a loaded
    // 2-core machine took over 30 s.
    testTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportOnFailure: true,
      // Per folder, measured 2026-12-07 (statements / branches / functions / lines %) and set about 2 points lower,
      // so that a drop fails `npm test`: cli 93.00 / 88.61 / 91.49 / 93.71, core 96.32 / 90.87 / 97.83 / 97.82,
      // extension 61.02 / 58.33 / 53.80 / 64.16 (much of it runs only in the real VS Code hosts: npm run test:vscode,
      // test:web), formatters 97.17 / 83.22 / 98.55 / 100, node 78.00 / 78.05 / 75.00 / 80.10,
      // rules 99.08 / 95.91 / 98.26 / 99.78; all of src 86.15 / 83.29 / 81.80 / 87.97.
      thresholds: {
        // All of src (2026-12-07 after the merges: 84.2 / 81.8 / 79.3 / 85.9), 2 points down. src/mcp shows 0: its tests
        // (test/mcp, test/package) run it as a process over stdio, which v8 coverage in this process does not see.
        statements: 82,
        branches: 79,
        functions: 77,
        lines: 83,
        'src/api/**/*.ts': { statements: 96, branches: 93, functions: 98, lines: 96 },
        'src/cli/**/*.ts': { statements: 91, branches: 86, functions: 89, lines: 91 },
        'src/core/**/*.ts': { statements: 94, branches: 88, functions: 95, lines: 95 },
        'src/extension/**/*.ts': { statements: 59, branches: 56, functions: 51, lines: 62 },
        'src/formatters/**/*.ts': { statements: 95, branches: 81, functions: 96, lines: 98 },
        'src/node/**/*.ts': { statements: 76, branches: 76, functions: 73, lines: 78 },
        'src/rules/**/*.ts': { statements: 97, branches: 93, functions: 96, lines: 97 },
      },
    },
  },
});
