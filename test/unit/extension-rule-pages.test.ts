// Rule documentation works offline: every rule's page is inside both extension bundles, as text.
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/api/index.js';

describe('bundled rule pages', () => {
  it.each([
    ['desktop', 'src/extension/desktop.ts', 'node'],
    ['web', 'src/extension/web.ts', 'browser'],
  ] as const)(
    'the %s bundle carries every rule page and nothing else from src/rules as text',
    async (_name, entry, platform) => {
      const out = await esbuild.build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        format: 'cjs',
        platform,
        external: ['vscode'],
        logLevel: 'silent',
        metafile: true,
      });
      const pages = Object.keys(out.metafile.inputs).filter((f) => f.endsWith('.md'));
      expect(pages.sort()).toEqual(rules.map((r) => `src/rules/${r.meta.id}/${r.meta.id}.md`).sort());
      expect(out.outputFiles[0]!.text).toContain('The most days allowed between the newest entry and today.');
      expect(out.outputFiles[0]!.text).toContain('# iteration-stale\\n');
    },
  );
});
