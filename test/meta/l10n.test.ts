// Localisation scaffolding: the extension's strings and package.json's %keys% have their English text in one place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { l10nBundleText, manifestKeys } from '../../scripts/l10n.js';

const ROOT = join(__dirname, '../..');

describe('localisation', () => {
  it('l10n/bundle.l10n.json holds every vscode.l10n.t string (run node scripts/l10n-export.mjs)', () => {
    expect(readFileSync(join(ROOT, 'l10n/bundle.l10n.json'), 'utf8')).toBe(l10nBundleText());
  });

  it('package.nls.json has exactly the %keys% package.json uses', () => {
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(nls).sort()).toEqual(manifestKeys());
    for (const v of Object.values(nls)) expect(v.trim()).not.toBe('');
  });

  it('package.json points VS Code at the bundle', () => {
    expect((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { l10n?: string }).l10n).toBe('./l10n');
  });
});
