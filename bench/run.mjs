#!/usr/bin/env node
// npm run bench: testbed-lint's CLI against its peers on the same Markdown plans, and the editor latencies.
//
//   node bench/run.mjs [--rounds 3] [--count 1000] [--large 3] [--edits 200] [--only cli|editor|scale|keystroke[,...]] [--serial 1]
//                      [--json FILE] [--scale-bytes 590000] [--scales 1,2,4,8] [--shapes table,nested,...] [--scale-timeout 120]
//                      [--cli dist/cli.js] [--base DIR] [--peers all|markdownlint]
//                      [--keystrokes 10]
//                      [--corpus DIR] (default bench/corpus; a smoke run: --corpus /tmp/c --count 30 --large 1 --rounds 1 --edits 20)
//   (--serial 1 adds a cold testbed-lint run with --concurrency 1 to each round)
//   --base DIR: another build's dist folder (cli.js, core.js), run beside this one in the same rounds, alternating, in
//   every part; each part then adds a table of old, new and new/old. --peers markdownlint: no remark-cli, bare parse or
//   floor in the CLI part.
//
// Part 1 (CLI): generates the corpus into bench/corpus (git-ignored; reused when its manifest matches),
// builds dist/ when it is missing or older than src/, then runs, alternately, round after round:
//   testbed-lint cold (no cache), warm (--cache, nothing changed), after editing one plan (--cache),
//   markdownlint-cli2 (default config), remark-cli (preset-lint-recommended + frontmatter), a bare
//   mdast-util-from-markdown parse (micromark, with the frontmatter and GFM extensions), and a floor that
//   reads every file and splits it into lines. Every tool gets the same explicit list of .md files (the
//   corpus folder is git-ignored, which testbed-lint would honour when walking). Wall time is measured
//   here; peak memory (max RSS) by /usr/bin/time -f %M.
// Part 3 (scale): bench/gen-shapes.mjs writes one plan per shape (one per construct the readers handle: see its SHAPES)
// at 1, 2, 4 and 8 times --scale-bytes (default 590,000, so 8x is about 4.7 MB) into bench/shapes; each is linted
// alone by the CLI (--max-file-size raised), wall and CPU time and peak RSS per run, so linearity is visible.
// --cli points at another build (e.g. an older dist/cli.js) as the current one.
// Part 2 (editor): bench/editor.mjs in fresh processes: createSession().lint() after one-character edits
// inside one iteration entry of samples/large.md (~6,000 lines) and samples/medium.md (~600 lines), and the
// first lint of the large plan against markdownlint's in-process lint (markdownlint/sync) of it.
// Part 4 (keystroke): bench/keystroke.mjs: keystroke-to-diagnostics in the real VS Code (code-server), with nothing
// else going on and while a 4.7 MB plan is linted. In a full run only when scripts/vscode-e2e.sh has installed
// code-server (`npm run test:vscode` once); `--only keystroke` installs it if needed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileOf, SHAPES } from './gen-shapes.mjs';
import { benchKeystrokes, codeServerInstalled, keystrokeTable } from './keystroke.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const TODAY = '2026-06-01';

const args = parseArgs(process.argv.slice(2));
const corpus = args.corpus ? resolve(args.corpus) : join(here, 'corpus');
const rounds = Number(args.rounds ?? 3);
const count = Number(args.count ?? 1000);
const large = Number(args.large ?? 3);
const edits = Number(args.edits ?? 200);
const only = args.only;
const has = (part) => only === undefined || String(only).split(',').includes(part);
const cliPath = args.cli ? resolve(args.cli) : join(root, 'dist/cli.js');
/**
 * The builds measured: this one, and with --base DIR another build's dist folder (e.g. the last release's), run
 * beside it in the same rounds, alternating, so both see the same machine. `tag` prefixes their rows ('' alone).
 */
const builds = args.base
  ? [
      { tag: 'old', cli: join(resolve(args.base), 'cli.js'), core: join(resolve(args.base), 'core.js') },
      { tag: 'new', cli: cliPath, core: join(root, 'dist/core.js') },
    ]
  : [{ tag: '', cli: cliPath, core: join(root, 'dist/core.js') }];
const current = builds[builds.length - 1];
const named = (b, name) => (b.tag ? `${b.tag}: ${name}` : name);
for (const b of builds) if (!existsSync(b.cli) && !(b === current && !args.cli)) throw new Error(`no ${b.cli}`);
// Why: remark-cli and the bare parse take as long as markdownlint-cli2 each; a side-by-side run may leave them out.
const peers = String(args.peers ?? 'all');

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [k, v] = a.slice(2).split('=');
    out[k] = v ?? argv[++i];
  }
  return out;
}

function log(s) {
  process.stderr.write(`${s}\n`);
}

// ---------------------------------------------------------------- setup

function ensureCorpus() {
  const manifest = join(corpus, 'manifest.json');
  const wanted = { seed: 1, count, large };
  if (existsSync(manifest)) {
    try {
      const m = JSON.parse(readFileSync(manifest, 'utf8'));
      const cfg = m.options ?? m.config ?? m.args ?? m;
      const sameCount = readdirSync(join(corpus, 'md')).filter((f) => f.endsWith('.md')).length === count + large;
      if (sameCount && (cfg.seed === undefined || cfg.seed === wanted.seed)) return;
    } catch {
      // Empty: regenerate below.
    }
  }
  log(`generating the corpus into ${corpus} (seed 1, ${count} plans, ${large} large)`);
  rmSync(corpus, { recursive: true, force: true });
  const r = spawnSync(
    process.execPath,
    [join(here, 'gen-corpus.mjs'), corpus, '--seed', '1', '--count', String(count), '--large', String(large)],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) throw new Error('corpus generation failed');
}

function newestMtime(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

function ensureBuild() {
  const cli = join(root, 'dist/cli.js');
  const core = join(root, 'dist/core.js');
  if (
    existsSync(cli) &&
    existsSync(core) &&
    Math.min(statSync(cli).mtimeMs, statSync(core).mtimeMs) >= newestMtime(join(root, 'src'))
  )
    return;
  log('building dist/ (node scripts/build.mjs)');
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error('build failed');
}

/** /usr/bin/time, installed with apt-get (package "time") only when it is missing and we are root. */
function ensureTime() {
  if (existsSync('/usr/bin/time')) return '/usr/bin/time';
  if (process.getuid?.() === 0) {
    log('installing GNU time (apt-get install -y time) for peak-memory figures');
    spawnSync(
      'sh',
      [
        '-c',
        'apt-get install -y time >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1)',
      ],
      { stdio: 'inherit' },
    );
    if (existsSync('/usr/bin/time')) return '/usr/bin/time';
  }
  log('warning: /usr/bin/time is missing; peak memory is not measured');
  return undefined;
}

// ---------------------------------------------------------------- measuring

const timeBin = has('cli') || has('scale') ? ensureTime() : undefined;
const cpuOf = (memFile) => {
  try {
    const [kb, user, sys] = readFileSync(memFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    return { kb, cpuMs: (user + sys) * 1000 };
  } catch {
    return { kb: undefined, cpuMs: undefined };
  }
};

/** Runs `node ...argv` in the corpus folder; returns wall ms, peak RSS in KB, exit code and stderr. */
function measure(argv, env = {}, { cwd = corpus, timeoutMs } = {}) {
  const memFile = join(tmpdir(), `bench-mem-${process.pid}.txt`);
  rmSync(memFile, { force: true });
  const cmd = timeBin
    ? [timeBin, '-f', '%M %U %S', '-o', memFile, process.execPath, ...argv]
    : [process.execPath, ...argv];
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    // Why: detached, so a run over its time limit is ended with its process group (GNU time and node together).
    const child = spawn(cmd[0], cmd.slice(1), {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env },
      detached: timeoutMs !== undefined,
    });
    let stderr = '';
    let killed = false;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = true;
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              // Empty: it ended just now.
            }
          }, timeoutMs);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const { kb, cpuMs } = timeBin && !killed ? cpuOf(memFile) : { kb: undefined, cpuMs: undefined };
      resolvePromise({ ms, kb, cpuMs, code, stderr, killed });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------- part 1: the CLI against its peers

async function benchCli() {
  const mdFiles = readdirSync(join(corpus, 'md'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `md/${f}`);
  const bytes = mdFiles.reduce((n, f) => n + statSync(join(corpus, f)).size, 0);
  const listFile = join(corpus, '.bench-files.json');
  writeFileSync(listFile, JSON.stringify(mdFiles));
  const outFile = join(tmpdir(), `bench-out-${process.pid}.json`);
  const tl = (b, ...extra) => [b.cli, '--today', TODAY, '--format', 'json', '--output', outFile, ...extra, ...mdFiles];
  // A medium plan to edit: one character in an iteration entry, then back.
  const editTarget = join(
    corpus,
    mdFiles.find((f) => /plan-\d+\.md$/.test(f) && statSync(join(corpus, f)).size > 20_000) ?? mdFiles[0],
  );
  const original = readFileSync(editTarget, 'utf8');
  // Each build has its own cache folder (cache formats may differ between builds).
  const caches = new Map(builds.map((b) => [b, mkdtempSync(join(tmpdir(), 'testbed-lint-bench-cache-'))]));
  const withCache = (b) => ['--cache', '--cache-location', caches.get(b)];
  const ours = (b) => [
    { name: named(b, 'testbed-lint cold (no cache)'), run: () => measure(tl(b)) },
    ...(args.serial !== undefined
      ? [{ name: named(b, 'testbed-lint cold, --concurrency 1'), run: () => measure(tl(b, '--concurrency', '1')) }]
      : []),
    {
      name: named(b, 'testbed-lint warm (--cache, nothing changed)'),
      run: () => measure(tl(b, ...withCache(b)), { TESTBED_LINT_STATS: '1' }),
    },
    {
      name: named(b, 'testbed-lint --cache, one plan edited'),
      run: async (round) => {
        const at = original.indexOf('- Feedback:');
        writeFileSync(editTarget, `${original.slice(0, at + 12)}${'xyz'[round % 3]}${original.slice(at + 12)}`);
        try {
          return await measure(tl(b, ...withCache(b)), { TESTBED_LINT_STATS: '1' });
        } finally {
          writeFileSync(editTarget, original);
        }
      },
      // Why: the restored file is linted again outside the timing, so the next warm run finds everything cached.
      after: () => measure(tl(b, ...withCache(b))),
    },
  ];
  // With --base, the two builds' runs of each kind are next to each other (old, new), so they share the moment.
  const mine = builds.map(ours);
  const tools = [
    ...mine[0].flatMap((_, k) => mine.map((list) => list[k])),
    {
      name: 'markdownlint-cli2 0.22.0 (default config)',
      run: () => measure([join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), ...mdFiles]),
    },
    ...(peers === 'all'
      ? [
          {
            name: 'remark-cli + preset-lint-recommended + frontmatter',
            run: () =>
              measure([
                join(root, 'node_modules/remark-cli/cli.js'),
                '--no-config',
                '--no-ignore',
                '--rc-path',
                join(here, 'remarkrc.mjs'),
                '--no-stdout',
                '--quiet',
                ...mdFiles,
              ]),
          },
          {
            name: 'bare parse: mdast-util-from-markdown (+frontmatter, gfm)',
            run: () => measure([join(here, 'parse-only.mjs'), listFile]),
          },
          {
            name: 'floor: read every file + split lines',
            run: () => measure([join(here, 'read-floor.mjs'), listFile]),
          },
        ]
      : []),
  ];

  log(
    `CLI part: ${mdFiles.length} Markdown files, ${(bytes / 1024 / 1024).toFixed(1)} MiB; ${rounds} rounds, tools alternating`,
  );
  // Prime the cache once (not timed), so the warm runs of round 1 have something to reuse.
  for (const b of builds) {
    const prime = await measure(tl(b, ...withCache(b)));
    log(`  primed ${b.tag || 'the'} cache in ${(prime.ms / 1000).toFixed(1)} s (exit ${prime.code})`);
  }
  const samples = new Map(tools.map((t) => [t.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const t of tools) {
      const r = await t.run(round);
      if (r.code !== 0 && r.code !== 1)
        log(`  ! ${t.name} exited with ${r.code}: ${r.stderr.split('\n').slice(0, 3).join(' | ')}`);
      const stats = /testbed-lint: stats: (\{.*\})/.exec(r.stderr)?.[1];
      samples.get(t.name).push(r);
      log(
        `  round ${round + 1}: ${t.name}: ${(r.ms / 1000).toFixed(2)} s, ${r.kb ? `${(r.kb / 1024).toFixed(0)} MiB` : '?'}${stats ? ` ${stats}` : ''}`,
      );
      if (t.after) await t.after();
    }
  }
  for (const dir of caches.values()) rmSync(dir, { recursive: true, force: true });
  rmSync(listFile, { force: true });
  const rows = tools.map((t) => {
    const s = samples.get(t.name);
    return {
      name: t.name,
      wallMs: median(s.map((x) => x.ms)),
      peakKb: s[0].kb === undefined ? undefined : median(s.map((x) => x.kb)),
      runs: s.map((x) => Math.round(x.ms)),
      kbs: s.map((x) => x.kb),
    };
  });
  return { files: mdFiles.length, bytes, rows };
}

// ---------------------------------------------------------------- part 3: scaling on one-structure plans

async function benchScale() {
  const dir = join(here, 'shapes');
  const base = Number(args['scale-bytes'] ?? 590_000);
  const scales = String(args.scales ?? '1,2,4,8')
    .split(',')
    .map(Number);
  const shapes = args.shapes ? String(args.shapes).split(',') : Object.keys(SHAPES);
  const timeoutMs = Number(args['scale-timeout'] ?? 120) * 1000;
  const r = spawnSync(
    process.execPath,
    [
      join(here, 'gen-shapes.mjs'),
      dir,
      '--bytes',
      String(base),
      '--scales',
      scales.join(','),
      '--only',
      shapes.join(','),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) throw new Error('gen-shapes failed');
  log(
    `scale part: ${shapes.length} shapes at ${scales.join(', ')} × ${base} bytes, one CLI run each (time limit ${timeoutMs / 1000} s), with ${builds.map((b) => b.cli).join(' and ')}`,
  );
  // One row per shape and build; with --base the two builds run one after the other at each size.
  const rows = builds.map((b) => shapes.map((shape) => ({ shape, build: b.tag, runs: [] })));
  for (const [k, shape] of shapes.entries()) {
    for (const x of scales) {
      const file = fileOf(shape, x);
      const bytes = statSync(join(dir, file)).size;
      for (const [j, b] of builds.entries()) {
        // Why: a shape that ran out of time at a smaller size would at a larger one too; its time is not spent again.
        if (rows[j][k].runs.some((r) => r.killed)) {
          rows[j][k].runs.push({ x, bytes, wallMs: 0, killed: true, skipped: true });
          continue;
        }
        const m = await measure(
          [
            b.cli,
            '--today',
            TODAY,
            '--format',
            'json',
            '--output',
            join(tmpdir(), `bench-scale-${process.pid}.json`),
            '--max-file-size',
            String(1e9),
            file,
          ],
          {},
          { cwd: dir, timeoutMs },
        );
        if (!m.killed && m.code !== 0 && m.code !== 1)
          log(`  ! ${file} exited with ${m.code}: ${m.stderr.split('\n').slice(0, 2).join(' | ')}`);
        rows[j][k].runs.push({ x, bytes, wallMs: m.ms, cpuMs: m.cpuMs, kb: m.kb, code: m.code, killed: m.killed });
        log(
          `  ${named(b, file)} (${(bytes / 2 ** 20).toFixed(2)} MiB): ${m.killed ? `killed after ${(m.ms / 1000).toFixed(0)} s` : `${(m.ms / 1000).toFixed(2)} s wall, ${m.cpuMs === undefined ? '?' : (m.cpuMs / 1000).toFixed(2)} s CPU, ${fmtMiB(m.kb)}, exit ${m.code}`}`,
        );
      }
    }
  }
  return { base, scales, rows: rows[rows.length - 1], baseRows: builds.length > 1 ? rows[0] : undefined };
}

function scaleTable(sc) {
  const [hi, lo] = [
    sc.scales[sc.scales.length - 1],
    sc.scales[sc.scales.length - 2] ?? sc.scales[sc.scales.length - 1],
  ];
  const head = `| Shape | ${sc.scales.map((x) => `${x}x`).join(' | ')} | CPU time ${hi}x/${lo}x | memory ${hi}x/${lo}x | ${hi}x within 2 s CPU and 512 MiB |`;
  const lines = [head, `|---|${sc.scales.map(() => '---:').join('|')}|---:|---:|---|`];
  const cell = (r) =>
    r.skipped
      ? 'not run (out of time at a smaller size)'
      : r.killed
        ? `killed (> ${(r.wallMs / 1000).toFixed(0)} s)`
        : r.code !== 0 && r.code !== 1
          ? `exit ${r.code}`
          : `${(r.wallMs / 1000).toFixed(2)} s (CPU ${r.cpuMs === undefined ? '?' : (r.cpuMs / 1000).toFixed(2)} s), ${fmtMiB(r.kb)}`;
  for (const row of sc.rows) {
    const at = (x) => row.runs.find((r) => r.x === x);
    const a = at(lo);
    const b = at(hi);
    const ok = (r) => r && !r.killed && (r.code === 0 || r.code === 1);
    const t = ok(a) && ok(b) && a.cpuMs && b.cpuMs ? `${(b.cpuMs / a.cpuMs).toFixed(2)}x` : 'n/a';
    const m = ok(a) && ok(b) && a.kb && b.kb ? `${(b.kb / a.kb).toFixed(2)}x` : 'n/a';
    // The issue's limits, for the largest size: 2 s of CPU time (user + system) and 512 MiB of peak RSS (KiB here).
    const within = ok(b)
      ? b.cpuMs !== undefined && b.cpuMs <= 2000 && b.kb !== undefined && b.kb <= 512 * 1024
        ? 'yes'
        : 'NO'
      : 'NO';
    lines.push(`| ${row.shape} | ${row.runs.map(cell).join(' | ')} | ${t} | ${m} | ${within} |`);
  }
  const sizes = sc.rows[0]?.runs.map((r) => `${r.x}x ${(r.bytes / 2 ** 20).toFixed(2)} MiB`).join(', ');
  lines.push('');
  lines.push(
    `Sizes (${sc.rows[0]?.shape}): ${sizes}. Each cell: wall time (CPU time, user + system), peak RSS; the ratios compare CPU time and peak RSS (linear: about 2x; a finding above ~2.3x).`,
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------- part 2: the editor

function runEditor(mode, extra = [], build = current) {
  const r = spawnSync(process.execPath, [join(here, 'editor.mjs'), mode, ...extra], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, BENCH_CORE: build.core },
  });
  if (r.status !== 0) throw new Error(`editor.mjs ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/**
 * Fresh processes, the builds alternating within each round: the first lint of the large plan (against markdownlint's
 * sync API), and the re-lint medians after one-character edits in the large and the medium plan, from the session's
 * first edit and after 1,000 unmeasured edits. Alone: one re-lint run per plan (the first lints over 3 rounds); with
 * --base: `rounds` runs of each, and each figure is the median of the runs' medians.
 */
function benchEditor() {
  const large = join(corpus, 'samples/large.md');
  const medium = join(corpus, 'samples/medium.md');
  log(`editor part: ${edits} one-character edits per plan; first lints in fresh processes, alternating`);
  const firsts = { markdownlint: [] };
  for (const b of builds) firsts[named(b, 'testbed')] = [];
  for (let round = 0; round < Math.max(rounds, 3); round++) {
    for (const b of builds) firsts[named(b, 'testbed')].push(runEditor('first-testbed', [large], b).ms);
    firsts.markdownlint.push(runEditor('first-markdownlint', [large]).ms);
  }
  const kinds = [
    ['large', large, []],
    // The same after 1,000 edits that are not measured: a session typed in for a while (JIT-compiled hot paths).
    ['large, after 1,000 edits', large, ['1000']],
    ['medium', medium, []],
    ['medium, after 1,000 edits', medium, ['1000']],
  ];
  const runs = {};
  for (let round = 0; round < (args.base ? rounds : 1); round++) {
    for (const [name, file, extra] of kinds) {
      for (const b of builds) {
        const r = runEditor('edits', [file, String(edits), ...extra], b);
        (runs[named(b, name)] ??= []).push(r);
        log(`  ${named(b, name)}: ${JSON.stringify(r)}`);
      }
    }
  }
  const relint = {};
  for (const [key, rs] of Object.entries(runs))
    relint[key] = {
      ...rs[0],
      medianMs: median(rs.map((r) => r.medianMs)),
      p95Ms: median(rs.map((r) => r.p95Ms)),
      medians: rs.map((r) => r.medianMs),
    };
  log(
    `  first lint of the large plan: ${Object.entries(firsts)
      .map(([k, v]) => `${k} ${v.map((x) => x.toFixed(0)).join('/')} ms`)
      .join(', ')}`,
  );
  return {
    firstTestbedMs: median(firsts[named(current, 'testbed')]),
    firstMarkdownlintMs: median(firsts.markdownlint),
    firsts,
    relint,
  };
}

// ---------------------------------------------------------------- report

const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;
const fmtMiB = (kb) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MiB`);
const ratio = (a, b) => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(3)}x`);

function table(cli) {
  const lines = ['| Tool | Wall (median) | Peak RSS (median) | Runs (ms) |', '|---|---:|---:|---|'];
  for (const r of cli.rows)
    lines.push(`| ${r.name} | ${fmtS(r.wallMs)} | ${fmtMiB(r.peakKb)} | ${r.runs.join(', ')} |`);
  const get = (prefix) => cli.rows.find((r) => r.name.startsWith(prefix));
  const cold = get(named(current, 'testbed-lint cold (no cache)'));
  const warm = get(named(current, 'testbed-lint warm'));
  const edited = get(named(current, 'testbed-lint --cache, one plan edited'));
  const mdl = get('markdownlint-cli2');
  lines.push('');
  const remark = get('remark-cli');
  lines.push(`- CLI cold / markdownlint-cli2, wall: **${ratio(cold.wallMs, mdl.wallMs)}** (target ≤ 0.3x)`);
  lines.push(`- CLI cold / markdownlint-cli2, peak memory: **${ratio(cold.peakKb, mdl.peakKb)}** (target ≤ 0.75x)`);
  if (remark)
    lines.push(
      `- CLI cold / remark-cli, wall: ${ratio(cold.wallMs, remark.wallMs)}; peak memory: ${ratio(cold.peakKb, remark.peakKb)}`,
    );
  lines.push(
    `- CLI warm (--cache, nothing changed) / markdownlint-cli2 cold, wall: **${ratio(warm.wallMs, mdl.wallMs)}** (target ≤ 0.05x)`,
  );
  lines.push(`- CLI after one edit (--cache) / markdownlint-cli2 cold, wall: ${ratio(edited.wallMs, mdl.wallMs)}`);
  return lines.join('\n');
}

function editorTable(ed) {
  const lines = ['| Measure | Median | p95 |', '|---|---:|---:|'];
  const goal = (name) => (name.replace(/^\w+: /, '').startsWith('large') ? '≤ 5 ms' : '≤ 1 ms');
  for (const [name, r] of Object.entries(ed.relint))
    lines.push(
      `| re-lint after a one-character edit, ${name.replace(',', ' plan,').replace(/(large|medium)$/, '$1 plan')} (${r.lines} lines, ${r.edits} edits, ${r.api}; target median ${goal(name)}) | ${r.medianMs.toFixed(2)} ms | ${r.p95Ms.toFixed(2)} ms |`,
    );
  for (const b of builds)
    lines.push(
      `| first lint of the large plan, ${named(b, 'testbed-lint')} (fresh process, ${ed.firsts[named(b, 'testbed')].length} runs) | ${median(ed.firsts[named(b, 'testbed')]).toFixed(0)} ms | |`,
    );
  lines.push(
    `| first lint of the large plan, markdownlint/sync (fresh process, ${ed.firsts.markdownlint.length} runs) | ${ed.firstMarkdownlintMs.toFixed(0)} ms | |`,
  );
  lines.push('');
  lines.push(`- first lint, testbed-lint / markdownlint: ${ratio(ed.firstTestbedMs, ed.firstMarkdownlintMs)}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- side by side (--base)

const fmtMs = (ms) => (ms === undefined ? 'n/a' : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);
const fmtX = (x, digits = 3) => (x === undefined || !Number.isFinite(x) ? 'n/a' : `${x.toFixed(digits)}x`);
const div = (a, b) => (a === undefined || b === undefined ? undefined : a / b);

/** One row of an old/new table: the two values as `fmt` writes them, and new/old. */
const pair = (label, o, n, fmt) => `| ${label} | ${fmt(o)} | ${fmt(n)} | ${fmtX(div(n, o))} |`;

/** The CLI part with --base: each testbed-lint measure for both builds, and its ratio to markdownlint-cli2 round by round. */
function cliSideBySide(cli) {
  const row = (b, name) => cli.rows.find((r) => r.name === named(b, name));
  const [oldB, newB] = builds;
  const mdl = cli.rows.find((r) => r.name.startsWith('markdownlint-cli2'));
  // Why: per round, so the ratio compares runs made at the same moment on a machine whose speed drifts.
  const perRound = (r, key) => median(r[key].map((v, i) => div(v, mdl[key][i])).filter((v) => v !== undefined));
  const lines = ['| Measure (median over rounds) | old | new | new/old |', '|---|---:|---:|---:|'];
  for (const [label, name] of [
    ['cold (no cache)', 'testbed-lint cold (no cache)'],
    ['cold, --concurrency 1', 'testbed-lint cold, --concurrency 1'],
    ['warm (--cache, nothing changed)', 'testbed-lint warm (--cache, nothing changed)'],
    ['--cache, one plan edited', 'testbed-lint --cache, one plan edited'],
  ]) {
    const o = row(oldB, name);
    const n = row(newB, name);
    if (!o || !n) continue;
    lines.push(pair(`${label}: wall`, o.wallMs, n.wallMs, fmtS));
    lines.push(pair(`${label}: peak RSS`, o.peakKb, n.peakKb, fmtMiB));
    lines.push(pair(`${label} / markdownlint-cli2: wall`, perRound(o, 'runs'), perRound(n, 'runs'), (x) => fmtX(x)));
    if (label.startsWith('cold'))
      lines.push(
        pair(`${label} / markdownlint-cli2: peak RSS`, perRound(o, 'kbs'), perRound(n, 'kbs'), (x) => fmtX(x)),
      );
  }
  lines.push('');
  lines.push(
    `markdownlint-cli2 in the same rounds: ${mdl.runs.map((ms) => fmtS(ms)).join(', ')}. A ratio to it is the median of the per-round ratios.`,
  );
  return lines.join('\n');
}

/** The editor part with --base: each build's re-lint medians and first lint. */
function editorSideBySide(ed) {
  const [oldB, newB] = builds;
  const lines = ['| Measure (median of the runs) | old | new | new/old |', '|---|---:|---:|---:|'];
  for (const name of ['large', 'large, after 1,000 edits', 'medium', 'medium, after 1,000 edits']) {
    const o = ed.relint[named(oldB, name)];
    const n = ed.relint[named(newB, name)];
    lines.push(
      pair(
        `re-lint median, ${name.replace(/^(large|medium)/, (m) => `${m} plan (${n.lines} lines)`)}`,
        o.medianMs,
        n.medianMs,
        fmtMs,
      ),
    );
  }
  lines.push(
    pair(
      'first lint of the large plan (fresh process)',
      median(ed.firsts[named(oldB, 'testbed')]),
      median(ed.firsts[named(newB, 'testbed')]),
      fmtMs,
    ),
  );
  lines.push('');
  lines.push(
    `Runs (medians, ms): ${Object.entries(ed.relint)
      .map(([k, r]) => `${k} ${r.medians.map((m) => m.toFixed(2)).join('/')}`)
      .join('; ')}.`,
  );
  return lines.join('\n');
}

/** The scale part with --base: CPU time, peak RSS and wall time of each shape and size for both builds. */
function scaleSideBySide(sc) {
  const lines = [
    '| Shape | size | CPU old | CPU new | new/old | peak RSS old | peak RSS new | new/old | wall old | wall new |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const ok = (r) => r && !r.killed && (r.code === 0 || r.code === 1);
  for (const [k, row] of sc.rows.entries()) {
    for (const [i, n] of row.runs.entries()) {
      const o = sc.baseRows[k].runs[i];
      const val = (r, key) => (ok(r) ? r[key] : undefined);
      const bad = (r) => (r.skipped ? 'not run' : r.killed ? 'killed' : `exit ${r.code}`);
      lines.push(
        `| ${row.shape} | ${n.x}x | ${ok(o) ? fmtS(o.cpuMs) : bad(o)} | ${ok(n) ? fmtS(n.cpuMs) : bad(n)} | ${fmtX(div(val(n, 'cpuMs'), val(o, 'cpuMs')), 2)} | ${fmtMiB(val(o, 'kb'))} | ${fmtMiB(val(n, 'kb'))} | ${fmtX(div(val(n, 'kb'), val(o, 'kb')), 2)} | ${fmtS(o.wallMs)} | ${fmtS(n.wallMs)} |`,
      );
    }
  }
  return lines.join('\n');
}

if (has('cli') || has('editor')) ensureCorpus();
if (has('cli') || has('scale')) ensureBuild();
else if (!existsSync(join(root, 'dist/core.js'))) ensureBuild();
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const header = `${new Date().toISOString()} — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average at start ${existsSync('/proc/loadavg') ? load() : '?'}`;
log(header);
const out = { header };
if (has('cli')) {
  out.cli = await benchCli();
  console.log(
    `\n## CLI: ${out.cli.files} Markdown plans (${(out.cli.bytes / 2 ** 20).toFixed(1)} MiB), ${rounds} alternating rounds\n\n${table(out.cli)}`,
  );
  if (args.base) console.log(`\n### CLI, old (${args.base}) and new side by side\n\n${cliSideBySide(out.cli)}`);
}
if (has('editor')) {
  out.editor = benchEditor();
  console.log(`\n## Editor\n\n${editorTable(out.editor)}`);
  if (args.base)
    console.log(`\n### Editor, old (${args.base}) and new side by side\n\n${editorSideBySide(out.editor)}`);
}
if (has('scale')) {
  out.scale = await benchScale();
  console.log(
    `\n## Scaling: one structure per plan, ${out.scale.scales.join(', ')} × ${(out.scale.base / 1e6).toFixed(2)} MB\n\n${scaleTable(out.scale)}`,
  );
  if (args.base) console.log(`\n### Scaling, old (${args.base}) and new side by side\n\n${scaleSideBySide(out.scale)}`);
}
if ((only !== undefined && has('keystroke')) || (only === undefined && codeServerInstalled())) {
  out.keystroke = benchKeystrokes({ keystrokes: Number(args.keystrokes ?? 10), log });
  console.log(`\n## Keystrokes in the real VS Code\n\n${keystrokeTable(out.keystroke)}`);
} else if (only === undefined)
  log('keystroke part skipped: code-server is not installed (run `npm run test:vscode` once, or --only keystroke)');
out.loadAtEnd = existsSync('/proc/loadavg') ? load() : undefined;
console.log(`\n${header}; load average at end ${out.loadAtEnd ?? '?'}`);
if (args.json) writeFileSync(args.json, JSON.stringify(out, null, 2));
