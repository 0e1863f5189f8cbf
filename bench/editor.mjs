// The editor part of the benchmark, one measurement per process (run by bench/run.mjs):
//   node bench/editor.mjs first-testbed FILE        the first lint of FILE (module loaded, nothing warmed up)
//   node bench/editor.mjs first-markdownlint FILE   the same with markdownlint's sync API, default config
//   node bench/editor.mjs edits FILE N [W]          re-lint latency after N one-character edits inside one
//                                                   iteration entry: createSession().lint() when the core
//                                                   exports it, else a full lint() (reported as "api");
//                                                   W edits first, not measured (a session that has been typed
//                                                   in for a while: the JIT has compiled the hot paths)
// The core comes from dist/core.js, or from the file BENCH_CORE names (bench/run.mjs --base: another build's).
// Prints one JSON object.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const [mode, file, n, w] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const uri = `file:///bench/${basename(file)}`;
const TODAY = '2026-06-01';
const corePath = process.env.BENCH_CORE || join(root, 'dist/core.js');
const now = () => Number(process.hrtime.bigint()) / 1e6;

if (mode === 'first-testbed') {
  const core = require(corePath);
  const t0 = now();
  const problems =
    typeof core.createSession === 'function'
      ? core.createSession().lint(uri, text, { today: TODAY })
      : core.lint(text, { filePath: uri, today: TODAY });
  print({ ms: now() - t0, problems: problems.length });
} else if (mode === 'first-markdownlint') {
  const { lint } = await import('markdownlint/sync');
  const t0 = now();
  const result = lint({ strings: { plan: text } });
  print({ ms: now() - t0, problems: result.plan.length });
} else if (mode === 'edits') {
  const core = require(corePath);
  const edits = Number(n ?? 200);
  const session = typeof core.createSession === 'function' ? core.createSession() : undefined;
  const lintNow = session
    ? (t) => session.lint(uri, t, { today: TODAY })
    : (t) => core.lint(t, { filePath: uri, today: TODAY });
  // One iteration entry in the middle of the log: the "- Feedback:" line nearest the middle of the file.
  const positions = [];
  for (let i = text.indexOf('- Feedback:'); i >= 0; i = text.indexOf('- Feedback:', i + 1)) positions.push(i);
  if (positions.length === 0) throw new Error('no "- Feedback:" line to edit');
  const mid = positions.reduce((best, p) =>
    Math.abs(p - text.length / 2) < Math.abs(best - text.length / 2) ? p : best,
  );
  const lineEnd = text.indexOf('\n', mid);
  const firstLint = (() => {
    const t0 = now();
    lintNow(text);
    return now() - t0;
  })();
  const times = [];
  let current = text;
  const warmup = Number(w ?? 0);
  for (let k = 0; k < warmup + edits; k++) {
    // Typing and deleting in turn: insert a letter at a moving column of the entry's line, then remove it.
    const col = mid + 12 + (Math.floor(k / 2) % Math.max(1, lineEnd - mid - 12));
    current = k % 2 === 0 ? `${text.slice(0, col)}${'abcdefgh'[k % 8]}${text.slice(col)}` : text;
    const t0 = now();
    lintNow(current);
    if (k >= warmup) times.push(now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  print({
    api: session ? 'createSession().lint' : 'lint() (no createSession yet)',
    lines: text.split('\n').length,
    edits,
    warmup,
    firstLintMs: firstLint,
    medianMs: q(0.5),
    p95Ms: q(0.95),
    maxMs: sorted[sorted.length - 1],
  });
} else {
  throw new Error(`unknown mode ${mode}`);
}

function print(o) {
  process.stdout.write(`${JSON.stringify(o)}\n`);
}
