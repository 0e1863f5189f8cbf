// The web entry (github.dev, vscode.dev) must bundle for a browser worker: no Node built-ins, only `vscode` external.
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('web extension bundle', () => {
  it('needs nothing but the vscode module at run time', async () => {
    const out = await esbuild.build({
      entryPoints: ['src/extension/web.ts'],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'browser',
      target: 'es2022',
      external: ['vscode'],
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
      metafile: true,
    });
    const code = out.outputFiles[0]!.text;
    expect([...new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]))]).toEqual(['vscode']);
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.filter((f) => f.startsWith('src/node/') || f.startsWith('src/cli/'))).toEqual([]);
    // The one use allowed is guarded by a typeof check (the `ignore` package's Windows detection, false in a worker).
    const unguarded = code.replaceAll('typeof process !== "undefined" && process.platform', '');
    expect(unguarded).not.toMatch(/\bprocess\.(env|cwd|platform)\b/);
  });
});
