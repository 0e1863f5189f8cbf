// Helpers for CLI scenario tests: temp projects, running main() in-process with captured streams.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach } from 'vitest';
import { rules } from '../../src/api/index.js';
import { main, type MainParams } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stderr split into lines, without the trailing empty one. */
  errors: string[];
}

export const TODAY = '2026-06-01';

/** Runs main() with captured output; `--today 2026-06-01` is NOT added automatically. */
export async function runCli(
  argv: string[],
  opts: { cwd: string; stdin?: string | Buffer } & Partial<Omit<MainParams, 'argv' | 'cwd' | 'stdin'>>,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const { stdin, ...rest } = opts;
  const code = await main({
    argv,
    env: {},
    isTTY: false,
    ...rest,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    ...(stdin !== undefined ? { stdin: Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : stdin]) } : {}),
  });
  return { code, stdout, stderr, errors: stderr.split('\n').filter((l) => l !== '') };
}

/** A fresh temp folder (real path, so macOS /var → /private/var does not change output) with the given files. */
export function tempProject(files: Record<string, string | Uint8Array> = {}): { dir: string; cleanup: () => void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'testbed-lint-cli-')));
  writeFiles(dir, files);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/** A config that turns every rule off except the given ones, so expected output does not move as rules are added. */
export function onlyRules(enabled: Record<string, string>, extra = ''): string {
  const lines = ['rules:'];
  for (const r of rules) lines.push(`  ${r.meta.id}: ${enabled[r.meta.id] ?? 'off'}`);
  return `${extra}${lines.join('\n')}\n`;
}

/** The spec's minimal plan, with three mistakes: `onwer` (unknown key), `Running` (bad status), `TBD` customer. */
export const FLAWED_PLAN = `---
kind: testbed-plan
title: Vendor-managed inventory with Northside Community Hospital
onwer: Sam Ortiz
owner-department: sales
status: Running
start: 2026-01-12
review: 2027-01-12
aims: [customer-profitability, business-processes]
customer:
  name: TBD
  tier: standard
  size: small
  new-processes: true
  champion: Dr. Lee, CEO
---

# Vendor-managed inventory with Northside Community Hospital

## Customer selection
Northside opened this year with new staff and no settled supply processes, a young CEO eager to
try new ways of working, and a small number of wards, which makes it a safe place to learn fast
without putting a premier account or the sales relationship at risk.

## Iteration log
### 2026-02-02 — Weekly replenishment pilot
- Change: we restock ward cabinets weekly from our own counts
- Feedback: nurses still run out of IV sets on weekends
- Source: customer
- Order: first

## Counterparts
| Department | Contact | Since | Benefit |
|---|---|---|---|
| Supply chain | VP supply chain | 2026-01-05 | Live trial of the automated picking system |
| Finance | Controller | 2026-01-05 | Cost-to-serve data for the account |
| IT | Integration lead | 2026-01-12 | First EDI link to a hospital system |

## Metrics
| Metric | Perspective | Aggregate |
|---|---|---|
| Ward stock-outs per month | customer | worst |
`;

/** The same plan without the mistakes. */
export const GOOD_PLAN = FLAWED_PLAN.replace('onwer:', 'owner:')
  .replace('status: Running', 'status: running')
  .replace('name: TBD', 'name: Northside Community Hospital');

/** A YAML plan with one mistake: customer.name is a placeholder (proposed, so it is an error, not a draft's to-do). */
export const YAML_PLAN = `kind: testbed-plan
title: Courier lockers with Harbor Tools
owner: Ana Ruiz
owner-department: sales
status: proposed
start: 2026-03-01
customer:
  name: "?"
  size: small
`;

/** The config most scenarios use: three structure/customer rules on, all others off. */
export const THREE_RULES = onlyRules({
  'customer-named': 'error',
  'plan-schema': 'error',
  'plan-unknown-key': 'warning',
});

/**
 * Temporary projects holding THREE_RULES as their config, each removed after the test that made it.
 * Call at the top level of a test file.
 */
export function useProjects(): (files: Record<string, string | Uint8Array>) => string {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });
  return (files) => {
    const p = tempProject({ '.testbed-lint.yaml': THREE_RULES, ...files });
    cleanups.push(p.cleanup);
    return p.dir;
  };
}

/** A json-format run, with the files it reported on, relative to `cwd`, in the order reported. */
export async function lintedFiles(cwd: string, args: string[] = [], extra: Partial<Parameters<typeof runCli>[1]> = {}) {
  const r = await runCli(['--today', TODAY, '-f', 'json', ...args], { cwd, ...extra });
  const files = r.stdout
    ? (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(cwd.length + 1))
    : [];
  return { ...r, files };
}
