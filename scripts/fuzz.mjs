// npm run fuzz [-- --time 10m]: the property tests with a new random seed each round, for a set time. `npm test` and CI
// run them with fixed seeds only (the same cases on every run); this is where new counterexamples are looked for.
// Each round prints its seed; a failing round prints the command that replays it and exits 1.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Every test file with fast-check properties: test/property/ (PROPERTY_SEED) and the unit tests' (TESTBED_SEED). */
const FILES = [
  'test/property',
  'test/unit/simple.test.ts',
  'test/unit/incremental.test.ts',
  'test/unit/pieces.test.ts',
  'test/unit/meaning.test.ts',
];

const { values } = parseArgs({ options: { time: { type: 'string', default: '5m' }, help: { type: 'boolean' } } });
if (values.help) {
  process.stdout.write('usage: npm run fuzz [-- --time DURATION]   (DURATION: 90s, 10m, 1h; default 5m)\n');
  process.exit(0);
}
const m = /^(\d+)(s|m|h)$/.exec(values.time);
if (!m) {
  process.stderr.write(`fuzz: --time takes a duration such as 90s, 10m or 1h, got "${values.time}"\n`);
  process.exit(2);
}
const budgetMs = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[m[2]];
const deadline = Date.now() + budgetMs;

/** Runs one round with `seed`; resolves to its exit code, or null when the time ran out mid-round. */
function round(seed) {
  return new Promise((resolveRound) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...FILES], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, PROPERTY_SEED: String(seed), TESTBED_SEED: String(seed) },
    });
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        child.kill('SIGTERM');
      },
      Math.max(0, deadline - Date.now()),
    );
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveRound(timedOut ? null : (code ?? 1));
    });
  });
}

let rounds = 0;
let cut = false;
while (Date.now() < deadline) {
  const seed = randomInt(1, 2 ** 31 - 1);
  rounds++;
  process.stdout.write(`fuzz: round ${rounds}, seed ${seed}\n`);
  const code = await round(seed);
  if (code === null) {
    cut = true;
    break;
  }
  if (code !== 0) {
    process.stdout.write(
      `fuzz: round ${rounds} failed with seed ${seed}; replay: PROPERTY_SEED=${seed} TESTBED_SEED=${seed} npx vitest run ${FILES.join(' ')}\n`,
    );
    process.exit(1);
  }
}
process.stdout.write(
  `fuzz: ${rounds} round${rounds === 1 ? '' : 's'} in ${values.time}, no failure${cut ? ' (the last one stopped when the time ran out)' : ''}\n`,
);
