// The GitHub Action's lint step (action.yml): runs the built CLI (dist/cli.js) for annotations, the job
// summary, the outputs and an optional SARIF file. Inputs come as INPUT_* variables that action.yml sets.
// Exit code: the CLI's (0 clean, 1 errors or too many warnings, 2 usage/config/read errors).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli.js');

/** The action's inputs, from the INPUT_* variables action.yml sets. */
export function readInputs(env) {
  const get = (name) => (env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`] ?? '').trim();
  const bool = (name) => {
    const v = get(name).toLowerCase();
    if (v === '' || v === 'false') return false;
    if (v === 'true') return true;
    throw new Error(`input ${name} takes true or false, got "${get(name)}"`);
  };
  return {
    paths: get('paths')
      .split(/\s+/)
      .filter((p) => p !== ''),
    config: get('config'),
    maxWarnings: get('max-warnings'),
    changedOnly: bool('changed-only'),
    sarifFile: get('sarif-file'),
    today: get('today'),
  };
}

const git = (cwd, args) => spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const ZERO_SHA = /^0+$/;

/** The commit to compare HEAD with, from the event payload: a pull request's base, a merge group's base, a push's `before`. */
export function baseOf(eventName, payload) {
  const sha =
    payload?.pull_request?.base?.sha ?? // pull_request, pull_request_target, pull_request_review...
    payload?.merge_group?.base_sha ??
    (eventName === 'push' ? payload?.before : undefined);
  if (typeof sha !== 'string' || sha === '' || ZERO_SHA.test(sha)) return undefined;
  return sha;
}

/**
 * The files changed between `base` and HEAD, relative to `cwd` (forward slashes), deleted files left out;
 * or a reason why they cannot be known. Fetches the base commit (one commit deep) when the checkout lacks it.
 */
export function changedFiles(cwd, base) {
  const has = () => git(cwd, ['cat-file', '-e', `${base}^{commit}`]).status === 0;
  if (!has()) {
    git(cwd, ['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', base]);
    if (!has())
      return {
        reason: `the base commit ${base.slice(0, 12)} is not in the checkout and could not be fetched (use actions/checkout with fetch-depth: 0)`,
      };
  }
  const diff = (range) =>
    git(cwd, [
      '-c',
      'core.quotepath=false',
      'diff',
      '--name-only',
      '-z',
      '--no-renames',
      '--diff-filter=d',
      '--relative',
      ...range,
    ]);
  // Why: three dots (from the merge base) is what the pull request changed; a shallow checkout has no merge
  // base, and there the base against HEAD (the merge commit actions/checkout makes) is the same set.
  let r = diff([`${base}...HEAD`]);
  if (r.status !== 0) r = diff([base, 'HEAD']);
  if (r.status !== 0)
    return { reason: `git diff failed: ${(r.stderr || r.error?.message || '').trim().split('\n')[0]}` };
  return { files: r.stdout.split('\0').filter((f) => f !== '') };
}

const GLOB = /[*?[\]{}!]/;

/** The changed files that the `paths` patterns (folders, files or globs, relative to `cwd`) take in. */
export async function withinPaths(files, patterns, cwd) {
  const norm = (p) => {
    const rel = isAbsolute(p) ? relative(cwd, p) : p;
    return rel
      .split(sep)
      .join('/')
      .replace(/^(\.\/)+/, '')
      .replace(/\/+$/, '');
  };
  const globbed = new Set();
  const globs = patterns.filter((p) => GLOB.test(p));
  if (globs.length > 0) {
    const { glob } = await import('tinyglobby');
    for (const f of await glob(globs, { cwd, dot: true })) globbed.add(norm(f));
  }
  const plain = patterns.filter((p) => !GLOB.test(p)).map(norm);
  return files.filter(
    (f) => globbed.has(f) || plain.some((p) => p === '' || p === '.' || f === p || f.startsWith(`${p}/`)),
  );
}

/**
 * Where the job summary's links to plans point: the files at the commit the pull request shows (its head),
 * else the commit the workflow runs on; none outside GitHub. Paths are relative to the workspace (the repository).
 */
export function linkBase(env, payload) {
  const sha = payload?.pull_request?.head?.sha ?? env.GITHUB_SHA;
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_REPOSITORY || !sha) return undefined;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${sha}/`;
}

/**
 * Runs the CLI; `inherit` sends its output to the job log (annotations). Callers put every path after `--`: a
 * pull request chooses its file names (`--config=off.yaml`, `--help`, `report`), and each must stay a path.
 */
function cli(cwd, args, inherit) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: inherit ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? 2, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function run(env = process.env, log = (s) => process.stdout.write(`${s}\n`)) {
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  let inputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    log(`::error title=testbed-lint::${error.message}`);
    return 2;
  }
  if (!existsSync(CLI)) {
    log(`::error title=testbed-lint::${CLI} is missing: the action's build step did not run`);
    return 2;
  }
  const patterns = inputs.paths.length > 0 ? inputs.paths : ['.'];
  const common = [];
  if (inputs.config !== '') common.push('--config', inputs.config);
  if (inputs.today !== '') common.push('--today', inputs.today);

  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let payload;
  try {
    payload = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : undefined;
  } catch (error) {
    log(`::warning title=testbed-lint::cannot read the event payload: ${error.message}`);
  }
  let targets = patterns;
  let scope = '';
  if (inputs.changedOnly) {
    const base = baseOf(eventName, payload);
    const changed =
      base === undefined
        ? { reason: `a ${eventName || 'local'} event has no base commit to compare with` }
        : changedFiles(cwd, base);
    if (changed.files) {
      targets = await withinPaths(changed.files, patterns, cwd);
      scope = `Only the files this change touches (${plural(targets.length, 'file')} under ${patterns.join(' ')}, against ${base.slice(0, 12)}).`;
    } else {
      log(`::notice title=testbed-lint::changed-only: ${changed.reason}; linting every plan in ${patterns.join(' ')}`);
    }
  }

  const temp = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'testbed-lint-action-'));
  try {
    let counts = { errors: 0, warnings: 0, infos: 0, plans: 0 };
    let code = 0;
    let summary;
    if (targets.length === 0) {
      summary = `### Testbed plans\n\nNo files under ${patterns.join(' ')} changed, so no plans were linted.\n`;
    } else {
      // 1. Annotations in the job log (and on the pull request's diff); this run's exit code is the action's.
      const maxWarnings = inputs.maxWarnings !== '' ? ['--max-warnings', inputs.maxWarnings] : [];
      code = cli(cwd, ['--format', 'github', ...maxWarnings, ...common, '--', ...targets], true).code;
      // 2. Counts for the outputs.
      const jsonFile = join(temp, 'results.json');
      const j = cli(cwd, ['--format', 'json', '--output', jsonFile, ...common, '--', ...targets], false);
      if (existsSync(jsonFile)) {
        const results = JSON.parse(readFileSync(jsonFile, 'utf8'));
        counts = {
          errors: results.reduce((n, r) => n + r.errorCount, 0),
          warnings: results.reduce((n, r) => n + r.warningCount, 0),
          infos: results.reduce((n, r) => n + r.infoCount, 0),
          plans: results.length,
        };
      } else if (code !== 2) {
        process.stderr.write(j.stderr);
        code = 2;
      }
      // 3. The report for the job summary.
      const link = linkBase(env, payload);
      const rep = cli(
        cwd,
        ['report', '--format', 'markdown', ...(link ? ['--link-base', link] : []), ...common, '--', ...targets],
        false,
      );
      summary =
        rep.stdout !== ''
          ? rep.stdout
          : '### Testbed plans\n\ntestbed-lint stopped with exit code 2 (a usage, config or read error); the job log says why.\n';
      if (scope !== '') summary = summary.replace(/\n/, `\n\n${scope}\n`);
      if (rep.code === 2 && code !== 2) {
        process.stderr.write(rep.stderr);
        code = 2;
      }
    }
    // 4. SARIF always covers every plan in `paths`: code scanning closes the alerts of files an upload leaves out.
    let sarifFile = '';
    if (inputs.sarifFile !== '') {
      mkdirSync(dirname(resolve(cwd, inputs.sarifFile)), { recursive: true });
      const s = cli(cwd, ['--format', 'sarif', '--output', inputs.sarifFile, ...common, '--', ...patterns], false);
      if (existsSync(resolve(cwd, inputs.sarifFile))) sarifFile = inputs.sarifFile;
      if (s.code === 2 && code !== 2) {
        process.stderr.write(s.stderr);
        code = 2;
      }
    }
    if (env.GITHUB_STEP_SUMMARY)
      appendFileSync(env.GITHUB_STEP_SUMMARY, summary.endsWith('\n') ? summary : `${summary}\n`);
    if (env.GITHUB_OUTPUT) {
      const out = { ...counts, 'exit-code': code, 'sarif-file': sarifFile };
      appendFileSync(
        env.GITHUB_OUTPUT,
        Object.entries(out)
          .map(([k, v]) => `${k}=${v}\n`)
          .join(''),
      );
    }
    log(
      `testbed-lint: ${plural(counts.plans, 'plan')}, ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info${scope !== '' ? ' (changed files only)' : ''}`,
    );
    return code;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run().then(
    (code) => process.exit(code),
    (error) => {
      process.stdout.write(`::error title=testbed-lint::internal error: ${error?.message ?? error}\n`);
      process.exit(2);
    },
  );
}
