#!/usr/bin/env node
// Keystroke-to-diagnostics in the real VS Code (code-server, through scripts/vscode-e2e.sh): the extension host runs
// test/vscode/suite/keystroke.bench.ts instead of the suite. It types in a normal plan with nothing else going on,
// then while a 4.7 MB table plan is being linted in the large-plan worker, and writes each keystroke's time from the
// host's change event (and from applyEdit) to the diagnostics of its version. Reported, not judged.
//
//   node bench/keystroke.mjs [--keystrokes 10] [--json FILE]        (PORT=... picks code-server's port, default 18093)
//
// bench/run.mjs runs it as its "keystroke" part (--only keystroke), and in a full run when code-server is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Whether scripts/vscode-e2e.sh has installed code-server already (a run then takes minutes, not a download). */
export function codeServerInstalled() {
  const cache =
    process.env.VSCODE_E2E_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'testbed-lint-vscode-e2e');
  return existsSync(join(cache, `code-server-${process.env.CODE_SERVER_VERSION ?? '4.139.1'}`, '.complete'));
}

const stats = (xs) => {
  const sorted = xs.map((x) => x.ms).sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return {
    n: sorted.length,
    median: q(0.5),
    p95: q(0.95),
    max: sorted.at(-1),
    fromApplyEditMedian: xs.map((x) => x.fromApplyEdit).sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)],
  };
};

/** Runs the benchmark in code-server; returns the keystrokes and their medians. Throws when the run fails. */
export function benchKeystrokes({ keystrokes = 10, log = (s) => process.stderr.write(`${s}\n`) } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'testbed-lint-keystroke-'));
  const out = join(dir, 'keystrokes.json');
  try {
    log(
      `keystroke part: the real VS Code (code-server), ${keystrokes} keystrokes with no big plan and ${keystrokes} while a 4.7 MB plan is linted`,
    );
    const run = spawnSync('bash', [join(root, 'scripts/vscode-e2e.sh')], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        PORT: process.env.PORT ?? '18093',
        VSCODE_E2E_UI: '0',
        TESTBED_LINT_E2E_BENCH: out,
        TESTBED_LINT_E2E_BENCH_KEYSTROKES: String(keystrokes),
      },
    });
    if (!existsSync(out))
      throw new Error(
        `the keystroke benchmark wrote no figures (exit ${run.status}):\n${(run.stdout + run.stderr).split('\n').slice(-30).join('\n')}`,
      );
    const r = JSON.parse(readFileSync(out, 'utf8'));
    // The suite's own log lines (scripts/vscode-e2e-driver.mjs prints them indented): each keystroke's detail.
    for (const line of run.stdout.split('\n')) if (line.startsWith('    ')) log(line.trim());
    return {
      ...r,
      quiet: stats(r.baseline),
      whileBig: stats(r.samples),
      spanned: r.samples.filter((x) => x.covered).length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function keystrokeTable(k) {
  const f = (x) => `${x.toFixed(1)} ms`;
  const row = (what, s, xs) =>
    `| ${what} | ${s.n} | ${f(s.median)} | ${f(s.p95)} | ${f(s.max)} | ${f(s.fromApplyEditMedian)} | ${xs.map((x) => x.ms.toFixed(0)).join(', ')} |`;
  return [
    '| Keystroke in a normal plan (real VS Code, code-server) | Keystrokes | Median | p95 | Max | Median from applyEdit | Each (ms) |',
    '|---|---:|---:|---:|---:|---:|---|',
    row('nothing else going on', k.quiet, k.baseline),
    row(`while a ${(k.bigChars / 1e6).toFixed(2)} M-character table plan is linted`, k.whileBig, k.samples),
    '',
    `- From the extension host's change event to the plan's diagnostics (VS Code holds onDidChangeDiagnostics back 50 ms);`,
    `  "from applyEdit" adds a round trip through code-server's workbench that a typed key does not make.`,
    `- ${k.spanned} of the ${k.samples.length} keystrokes ran while one lint of the big plan ran throughout; ${k.bigEdits} edit(s) of the big plan started a lint.`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const k = benchKeystrokes({ keystrokes: Number(opt('keystrokes') ?? 10) });
  console.log(`\n## Keystrokes in the real VS Code\n\n${keystrokeTable(k)}`);
  if (opt('json')) writeFileSync(opt('json'), JSON.stringify(k, null, 2));
}
