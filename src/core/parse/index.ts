// Parses a plan once, in either form, into a PlanDocument that every rule shares.
import { parseDocument } from 'yaml';
import type { PlanDocument } from '../document.js';
import type { PlanForm, PlanModel } from '../model.js';
import { LineIndex } from '../positions.js';
import { yamlDirectives } from './directives.js';
import { readMarkdownPlan } from './markdown.js';
import { YAML_OPTIONS, yamlSyntaxIssues } from './yaml-errors.js';
import { readYamlPlan } from './yaml-model.js';
import type { ParseSession } from './session.js';
import { sectionOfKey } from '../schema.js';
import type { Lang } from '../lang.js';
import { planLang } from './lang.js';

export { sectionKind } from './markdown.js';
export { ParseSession } from './session.js';
export { countWords } from './yaml-model.js';

/**
 * Parses `text` as a plan. The form comes from the file name: .yaml/.yml is YAML, anything else Markdown. An editor's
 * `session` for the document keeps what the next parse of it can reuse; a one-shot lint passes none.
 */
export function parsePlan(
  text: string,
  filePath: string,
  form?: PlanForm,
  session?: ParseSession,
  language?: Lang,
): PlanDocument {
  const lines = new LineIndex(text);
  const f: PlanForm = form ?? (/\.ya?ml$/i.test(filePath) ? 'yaml' : 'markdown');
  const plan: PlanModel = { form: f, titleAnchor: lines.trimSpan(lines.lineSpan(1)) };
  const eol = /\r\n/.test(text.slice(0, Math.max(text.indexOf('\n') + 1, 0))) ? '\r\n' : '\n';
  const doc: PlanDocument = {
    text,
    filePath,
    form: f,
    lines,
    plan,
    syntaxIssues: [],
    schemaIssues: [],
    unknownKeys: [],
    directives: [],
    outline: [],
    eol,
    lang: 'en',
  };
  if (f === 'yaml') {
    const y = parseDocument(text, YAML_OPTIONS);
    doc.syntaxIssues = yamlSyntaxIssues(y, 0, text);
    if (y.errors.length > 0 && y.contents === null) {
      // Empty: nothing parsed, the syntax issues say why.
    }
    const r = readYamlPlan(y, text, 0, plan, 'yaml');
    // A YAML plan's keys and values are the spec's; its language is that of its free text (word lists, placeholders).
    Object.assign(doc, planLang(text, plan, language, false));
    doc.schemaIssues = r.schemaIssues;
    doc.unknownKeys = r.unknownKeys;
    doc.outline = r.topKeys.map((k) => ({ kind: sectionOfKey(k.key), name: k.key, anchor: k.anchor, span: k.span }));
    doc.directives = yamlDirectives(text, 0, text.length, lines);
  } else {
    const r = readMarkdownPlan(text, lines, plan, session, language);
    doc.lang = r.lang;
    if (r.langUnsure) doc.langUnsure = r.langUnsure;
    doc.unclosedTail = r.unclosedTail;
    doc.syntaxIssues = r.syntaxIssues;
    doc.schemaIssues = r.schemaIssues;
    doc.unknownKeys = r.unknownKeys;
    doc.outline = r.outline;
    doc.directives = [
      ...(r.frontMatterYaml ? yamlDirectives(text, r.frontMatterYaml.start, r.frontMatterYaml.end, lines) : []),
      ...r.directives,
    ];
  }
  return doc;
}
