#!/usr/bin/env node
// Compares the findings of two builds, byte for byte: the JSON output (with --today fixed, and once more with
// --fix-dry-run so the fixed text counts too) of `BASE/cli.js` and `HEAD/cli.js` on examples/, test/fixtures/,
// the benchmark corpus (bench/corpus, made by `npm run bench` or bench/gen-corpus.mjs) and the scale shapes
// (bench/shapes) when present. A refactoring must leave them identical.
//
//   node scripts/compare-findings.mjs --base /tmp/baseline-dist [--head dist] [--today 2026-12-07] [--no-shapes]
//
// Rule pages' links carry the release version (blob/vX.Y.Z); --same-version writes both builds' as one, so a release
// number that moved does not hide (or count as) a change of findings.
// Prints one line per set ("same" or the first difference, with its context) and exits 1 when any set differs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const root = resolve(new URL('..', import.meta.url).pathname);
const base = resolve(opt('--base', '/tmp/baseline-dist'));
const head = resolve(opt('--head', join(root, 'dist')));
const today = opt('--today', '2026-12-07');
const withShapes = !argv.includes('--no-shapes');
const sameVersion = argv.includes('--same-version');
const unversioned = (out) => (sameVersion ? out.replace(/\/blob\/v\d+\.\d+\.\d+\//g, '/blob/vX/') : out);

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (/\.(md|markdown|ya?ml)$/.test(name) && !/^\.testbed-lint\./.test(name)) out.push(relative(root, p));
  }
  return out;
}

const sets = [
  ['examples', walk(join(root, 'examples'))],
  ['test/fixtures', walk(join(root, 'test/fixtures'))],
  ['bench/corpus (md)', walk(join(root, 'bench/corpus/md'))],
  ['bench/corpus (yaml)', walk(join(root, 'bench/corpus/yaml'))],
  ['bench/corpus (samples)', walk(join(root, 'bench/corpus/samples'))],
];
if (withShapes) for (const f of walk(join(root, 'bench/shapes'))) sets.push([f, [f]]);

function run(dist, files, extra) {
  const r = spawnSync(
    process.execPath,
    [
      join(dist, 'cli.js'),
      '--format',
      'json',
      '--today',
      today,
      '--max-file-size',
      '100000000',
      '--concurrency',
      '1',
      ...extra,
      '--',
      ...files,
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  return { code: r.status, out: unversioned(r.stdout), err: r.stderr };
}

let differ = 0;
for (const [name, files] of sets) {
  if (files.length === 0) continue;
  for (const extra of [[], ['--fix-dry-run']]) {
    const a = run(base, files, extra);
    const b = run(head, files, extra);
    const label = `${name} (${files.length} files${extra.length ? ', ' + extra.join(' ') : ''})`;
    if (a.out === b.out && a.code === b.code && a.err === b.err) {
      console.log(`same     ${label}: exit ${a.code}, ${a.out.length} bytes`);
      continue;
    }
    differ++;
    let i = 0;
    while (i < a.out.length && a.out[i] === b.out[i]) i++;
    console.log(`DIFFERS  ${label}: exit ${a.code} -> ${b.code}; first difference at character ${i}`);
    console.log(`  base: …${a.out.slice(Math.max(0, i - 150), i + 150)}`);
    console.log(`  head: …${b.out.slice(Math.max(0, i - 150), i + 150)}`);
    if (a.err !== b.err) console.log(`  stderr base: ${a.err.slice(0, 300)}\n  stderr head: ${b.err.slice(0, 300)}`);
  }
}
process.exit(differ ? 1 : 0);
