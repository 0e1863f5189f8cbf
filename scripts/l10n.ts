// Localisation: the strings the extension passes to vscode.l10n.t, and the %keys% of package.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** l10n/bundle.l10n.json as it should be: every string given to vscode.l10n.t in src/extension, sorted. */
export function l10nBundle(): Record<string, string> {
  const out: Record<string, string> = {};
  const dir = join(ROOT, 'src/extension');
  // Recursive: the extension's files are in folders by concern (lint/, config/, features/).
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      const s = m[1]!.replace(/\\'/g, "'");
      out[s] = s;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function l10nBundleText(): string {
  return JSON.stringify(l10nBundle(), null, 2) + '\n';
}

/** The %key% placeholders package.json uses. */
export function manifestKeys(): string[] {
  const text = readFileSync(join(ROOT, 'package.json'), 'utf8');
  return [...new Set([...text.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]!))].sort();
}
