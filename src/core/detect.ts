// Which files are plans: *.testbed.md|yaml|yml always; other .md/.yaml/.yml files with `kind: testbed-plan`.
import { findFrontMatter } from './parse/front-matter.js';

export type PlanFormGuess = 'markdown' | 'yaml' | undefined;

/** The form a file name implies: Markdown for .md/.markdown, YAML for .yaml/.yml, else undefined. */
export function formOf(filePath: string): PlanFormGuess {
  const lower = filePath.toLowerCase();
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  if (/\.ya?ml$/.test(lower)) return 'yaml';
  return undefined;
}

/** Named as a plan whatever its content. */
export function isPlanName(filePath: string): boolean {
  return /\.testbed\.(md|ya?ml)$/i.test(filePath);
}

const KIND_LINE = /^kind[ \t]*:[ \t]*(["']?)testbed-plan\1[ \t]*(#.*)?$/m;

/**
 * Whether a file is a plan, from its name and a cheap look at its text (no Markdown or YAML parse):
 * a Markdown file's front matter, or a YAML file's top level, must hold `kind: testbed-plan`.
 */
export function isPlan(filePath: string, text: string): boolean {
  if (isPlanName(filePath)) return true;
  const form = formOf(filePath);
  if (!form) return false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (form === 'markdown') {
    const fm = findFrontMatter(body);
    return fm !== undefined && KIND_LINE.test(body.slice(fm.content.start, fm.content.end));
  }
  return KIND_LINE.test(body);
}
