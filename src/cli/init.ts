// `testbed-lint init [--yaml] [--lang de|fr|es] NAME`: writes a new plan from the template, never over an existing file.
import { basename, resolve } from 'node:path';
import { formOf, planFileName, planTemplate, type Lang } from '../api/index.js';
import { fsCode, fsReason, type Fs } from '../node/fs.js';

/**
 * The file `init` writes for NAME: NAME itself when it ends in .md/.markdown/.yaml/.yml, else its last part in kebab
 * case + .testbed.md|yaml, in NAME's folder (`plans/Faster invoicing` → `plans/faster-invoicing.testbed.md`), by the
 * rule "New plan" in the editor follows (planFileName).
 */
export function initFileName(name: string, yaml: boolean): string {
  if (formOf(name) !== undefined) return name;
  // Why: NAME's folder part is kept as written (separators included), so messages show the path the user typed.
  const folder = /^.*[\\/]/.exec(name)?.[0] ?? '';
  return folder + planFileName(name.slice(folder.length), yaml ? 'yaml' : 'markdown');
}

/** The plan's title: NAME as written when it is a title (it has a space), else made from the file name. */
export function initTitle(name: string, file: string): string {
  const base = name.replace(/^.*[\\/]/, '').trim();
  return formOf(name) === undefined && /\s/.test(base) ? base : titleFromName(file);
}

/** A title from a file name: `northside-vmi.testbed.md` → "Northside vmi". */
export function titleFromName(fileName: string): string {
  const stem = basename(fileName)
    .replace(/\.(md|markdown|ya?ml)$/i, '')
    .replace(/\.testbed$/i, '')
    .replace(/[-_.]+/g, ' ')
    .trim();
  return stem ? stem.charAt(0).toUpperCase() + stem.slice(1) : 'New testbed plan';
}

export type InitResult = { ok: true; path: string } | { ok: false; message: string };

export function initPlan(fs: Fs, cwd: string, name: string, yaml: boolean, today: string, lang?: Lang): InitResult {
  const file = initFileName(name, yaml);
  const path = resolve(cwd, file);
  const form = formOf(file) === 'yaml' ? 'yaml' : 'markdown';
  const text = planTemplate(form, { title: initTitle(name, file), today, ...(lang ? { lang } : {}) });
  try {
    // Why: "wx" fails if the file exists, atomically, so an existing plan is never overwritten.
    fs.writeFileSync(path, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if (fsCode(error) === 'EEXIST')
      return { ok: false, message: `${file} already exists; not overwriting it (choose another NAME)` };
    return { ok: false, message: `cannot write ${file}: ${fsReason(error)}` };
  }
  return { ok: true, path: file };
}
