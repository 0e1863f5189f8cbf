// Prints what each safe fix of a plan does, applied alone (test/property/fix-effects.ts): the findings it removes and
// adds, the other rules it makes pass, and any value it writes that the writer did not give. For the issue notes.
//   node scripts/fix-effects.mjs [--today 2026-12-07] PLAN...
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const at = args.indexOf('--today');
const today = at >= 0 ? args.splice(at, 2)[1] : '2026-12-07';
// The helper is TypeScript: bundle it once into a temporary CommonJS file and load that.
const dir = mkdtempSync(join(tmpdir(), 'fix-effects-'));
const bundle = join(dir, 'fix-effects.cjs');
await build({
  entryPoints: [fileURLToPath(new URL('../test/property/fix-effects.ts', import.meta.url))],
  bundle: true,
  outfile: bundle,
  format: 'cjs',
  platform: 'node',
  logLevel: 'silent',
});
const { fixEffects } = createRequire(import.meta.url)(bundle);
rmSync(dir, { recursive: true, force: true });
const count = (xs) => {
  const m = new Map();
  for (const x of xs) m.set(x.split(':')[0], (m.get(x.split(':')[0]) ?? 0) + 1);
  return [...m].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(', ') || '(none)';
};
for (const file of args) {
  console.log(`\n${file} (today ${today})\n`);
  console.log('| fix | findings removed | findings added | other rules made to pass | values invented |');
  console.log('|---|---|---|---|---|');
  for (const e of fixEffects(readFileSync(file, 'utf8'), file, today))
    console.log(
      `| ${e.ruleId}: ${e.title} | ${count(e.removed)} | ${count(e.added)} | ${e.othersPassing.join(', ') || '(none)'} | ${e.invented.join(', ') || '(none)'} |`,
    );
}
