// Writes the generated artefacts (README rule table, config JSON Schema, the testbedLint.rules setting's schema in package.json) from rule meta.
// Bundles scripts/generated.ts with esbuild so the TypeScript sources are the only source of truth.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'testbed-lint-gen-'));
try {
  const out = join(dir, 'generated.cjs');
  await build({
    entryPoints: [join(root, 'scripts/generated.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'error',
  });
  const g = createRequire(import.meta.url)(out);
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = g.withRuleTable(readme);
  if (next !== readme) writeFileSync(readmePath, next);
  const schemaPath = join(root, g.CONFIG_SCHEMA_PATH);
  let old = '';
  try {
    old = readFileSync(schemaPath, 'utf8');
  } catch {
    old = '';
  }
  const schema = g.configSchemaText();
  if (schema !== old) writeFileSync(schemaPath, schema);
  const snippets = [];
  for (const [form, path] of Object.entries(g.SNIPPET_PATHS)) {
    const p = join(root, path);
    const text = g.snippetsText(form);
    if (readFileSync(p, 'utf8') !== text) {
      writeFileSync(p, text);
      snippets.push(path);
    }
  }
  console.log(`generate: snippets ${snippets.length > 0 ? `updated (${snippets.join(', ')})` : 'unchanged'}`);
  const pkgPath = join(root, 'package.json');
  const pkg = readFileSync(pkgPath, 'utf8');
  const nextPkg = g.withRulesSetting(pkg);
  if (nextPkg !== pkg) writeFileSync(pkgPath, nextPkg);
  console.log(
    `generate: README rule table ${next === readme ? 'unchanged' : 'updated'}; ${g.CONFIG_SCHEMA_PATH} ${schema === old ? 'unchanged' : 'updated'}; package.json testbedLint.rules ${nextPkg === pkg ? 'unchanged' : 'updated'}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
