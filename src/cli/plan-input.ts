// The read stage of the lint command: turns each collected file (or stdin) into a step: a plan to lint, a finding
// already known (too large, not text, cached), a message, or nothing (not a plan).
import { dirname, resolve } from 'node:path';
import {
  formOf,
  isPlan,
  isPlanName,
  lintTooLarge,
  lintUndecodable,
  type LintConfig,
  type Problem,
} from '../api/index.js';
import type { Candidate } from '../node/collect.js';
import { isIgnoredBy, toLintConfig, type ConfigFor } from '../node/config.js';
import type { ConfigResolver } from '../api/index.js';
import type { Fs } from '../node/fs.js';
import { decodeLenient, decodeText, looksBinary, readFileBytes, readHead, type TextEncoding } from '../node/read.js';
import type { LintOptions } from './args.js';

export const STDIN_NAME = '<stdin>';
/** How much of a file too large to read is read to tell whether it is a plan (its front matter). */
const HEAD_BYTES = 64 * 1024;

/** Where a plan's text came from on disk, for writing its fixes back the way it was stored. */
export interface PlanSource {
  bytes: Uint8Array;
  encoding: TextEncoding;
  /** Found through a symbolic link while walking a folder or matching a glob: linted, never written. */
  viaLink: boolean;
}

export interface PlanToLint {
  filePath: string;
  text: string;
  config: LintConfig | undefined;
  /** Set when --fix may write this plan back. */
  source?: PlanSource;
}

/** One entry of the run, in the order of the files: messages and results come out in this order. */
export type Step =
  | { kind: 'error'; line: string }
  | { kind: 'notice'; line: string }
  | { kind: 'problems'; filePath: string; problems: Problem[] }
  | { kind: 'lint'; plan: PlanToLint }
  | { kind: 'skipped' };

export interface ReadContext {
  o: LintOptions;
  fs: Fs;
  cwd: string;
  today: string;
  resolver: ConfigResolver;
  rel(path: string): string;
}

/** The step for one collected file. */
export async function readCandidate(c: Candidate, x: ReadContext): Promise<Step | undefined> {
  const { path, explicit } = c;
  if (!isPlanName(path) && formOf(path) === undefined) return { kind: 'skipped' };
  const config = await x.resolver.forFile(path);
  if (config.kind === 'file' && config.config.errors.length > 0) return undefined;
  if (isIgnoredBy(config, path, false)) {
    return explicit
      ? {
          kind: 'notice',
          line: `testbed-lint: ${x.rel(path)} is ignored by the "ignores" of ${x.rel(configOf(config))}`,
        }
      : undefined;
  }
  const read = readFileBytes(x.fs, path, x.o.maxFileSize);
  if (read.kind === 'error') return { kind: 'error', line: `testbed-lint: ${x.rel(path)}: ${read.reason}` };
  if (read.kind === 'not-a-file') {
    // Why: a plan named on the command line that cannot be read fails the run; a FIFO or device met while walking
    // (or swapped in since) is not a plan anyone asked for, and is only mentioned.
    if (explicit) return { kind: 'error', line: `testbed-lint: ${x.rel(path)}: not a regular file (${read.what})` };
    return { kind: 'notice', line: `testbed-lint: skipped ${x.rel(path)}: not a regular file (${read.what})` };
  }
  const lintConfig = toLintConfig(config);
  const options = { filePath: path, today: x.today, ...(lintConfig !== undefined ? { config: lintConfig } : {}) };
  if (read.kind === 'too-large') {
    // Why: a plan too large to read is a problem of that plan (CI must not pass it unread); a large file that is
    // not a plan (its name and the head of its text say so) is skipped like any other non-plan.
    if (!isPlanName(path)) {
      const head = readHead(x.fs, path, HEAD_BYTES);
      if (head === undefined || looksBinary(head) || !looksLikePlan(path, decodeLenient(head)))
        return { kind: 'skipped' };
    }
    return {
      kind: 'problems',
      filePath: path,
      problems: lintTooLarge(read.size, x.o.maxFileSize, '--max-file-size', options),
    };
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) {
    // Why: a plan whose bytes are not text is a located plan-syntax problem, never a silent skip; a binary or
    // Latin-1 file that is no plan (a stray README found while walking) is not ours to judge.
    if (looksLikePlan(path, decoded.text))
      return {
        kind: 'problems',
        filePath: path,
        problems: lintUndecodable(decoded.text, decoded.offset, decoded.detail, options),
      };
    if (explicit && looksBinary(read.bytes))
      return { kind: 'notice', line: `testbed-lint: skipped ${x.rel(path)}: binary file` };
    return { kind: 'skipped' };
  }
  if (!looksLikePlan(path, decoded.text)) return { kind: 'skipped' };
  const source: PlanSource = { bytes: read.bytes, encoding: decoded.encoding, viaLink: c.viaLink === true };
  return {
    kind: 'lint',
    plan: { filePath: path, text: decoded.text, config: lintConfig, ...(x.o.fix ? { source } : {}) },
  };
}

/** The step for the plan read from stdin (--stdin): it is linted, never written back. */
export async function readStdinPlan(bytes: Uint8Array, x: ReadContext): Promise<Step | undefined> {
  const { o } = x;
  const filePath = o.stdinFilename !== undefined ? resolve(x.cwd, o.stdinFilename) : STDIN_NAME;
  const config = await x.resolver.forDirectory(o.stdinFilename !== undefined ? dirname(filePath) : x.cwd);
  // Why: the config's errors are printed; the text is not linted with a config that is wrong.
  if (config.kind === 'file' && config.config.errors.length > 0) return undefined;
  if (o.stdinFilename !== undefined && isIgnoredBy(config, filePath, false)) {
    return {
      kind: 'notice',
      line: `testbed-lint: ${o.stdinFilename} is ignored by the "ignores" of ${x.rel(configOf(config))}`,
    };
  }
  const decoded = decodeText(bytes);
  const isStdinPlan = (text: string) => o.stdinFilename === undefined || looksLikePlan(filePath, text);
  if (!isStdinPlan(decoded.text)) return { kind: 'skipped' };
  const lintConfig = toLintConfig(config);
  if (!decoded.ok) {
    const options = { filePath, today: x.today, ...(lintConfig !== undefined ? { config: lintConfig } : {}) };
    return {
      kind: 'problems',
      filePath,
      problems: lintUndecodable(decoded.text, decoded.offset, decoded.detail, options),
    };
  }
  return { kind: 'lint', plan: { filePath, text: decoded.text, config: lintConfig } };
}

/** isPlan, with lone CRs read as line breaks (as the core lints them). */
function looksLikePlan(path: string, text: string): boolean {
  return isPlan(path, text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);
}

export function configOf(config: ConfigFor): string {
  return config.kind === 'file' ? config.config.file : '';
}
