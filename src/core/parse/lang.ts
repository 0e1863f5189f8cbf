// The language a plan is read in (spec v2.1): both readers ask it once the front matter (or YAML top level) is read.
import { detectLang, isLang, type Lang } from '../lang.js';
import type { PlanModel } from '../model.js';
import { KNOWN_WORDS } from '../schema.js';

/**
 * The language a plan is read in: its `lang:` (when it is one of en, de, fr, es), else the config's `language:`, else
 * detected from its words (`text`: a Markdown plan's body, whose headings and labels count too; a YAML plan); `langUnsure` when detection could not tell.
 */
export function planLang(
  text: string,
  plan: PlanModel,
  language: Lang | undefined,
  markdownBody: boolean,
): { lang: Lang; langUnsure?: Lang[] } {
  const own = plan.lang?.value;
  if (isLang(own)) return { lang: own };
  if (language) return { lang: language };
  const d = detectLang(text, markdownBody ? KNOWN_WORDS : undefined);
  return d.unsure ? { lang: d.lang, langUnsure: d.unsure } : { lang: d.lang };
}
