// Reads a Markdown plan (front matter + sections) into the plan model, with spans from the mdast positions.
// Sections and their entries are found by the plan schema; markdown-entries.ts reads the entries.
import type { Heading, Nodes, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseDocument } from 'yaml';
import { normaliseDateLike } from '../dates.js';
import type { Directive, OutlineEntry, SchemaIssue, SyntaxIssue, UnknownKeyIssue } from '../document.js';
import type { DateField, Located, PlanModel, TextSection } from '../model.js';
import {
  ORDERS,
  PERSPECTIVES,
  SECTIONS_BY_LANG,
  SOURCES,
  sectionOfHeading,
  type SectionKind,
  type SectionSpec,
} from '../schema.js';
import type { Lang, ReadLang } from '../lang.js';
import { planLang } from './lang.js';
import type { LineIndex } from '../positions.js';
import type { Span } from '../types.js';
import { findFrontMatter } from './front-matter.js';
import { markdownDirectives } from './directives.js';
import { unclosedTail } from './lines.js';
import { readBlocks } from './reader.js';
import type { ParseSession } from './session.js';
import { BulletSectionReader, HeadingSectionReader } from './markdown-entries.js';
import { headingTextSpan, off } from './markdown-values.js';
import { YAML_OPTIONS, yamlSyntaxIssues } from './yaml-errors.js';
import { countWords, readYamlPlan, suggestedDate } from './yaml-model.js';
import { nearest } from '../suggest.js';
import { append, isStackOverflow } from '../arrays.js';

/** The section a heading names (see the schema's synonyms). */
export const sectionKind: (heading: string, lang?: ReadLang) => SectionKind | undefined = sectionOfHeading;

export interface MarkdownReadResult {
  /** Where an unterminated code fence or HTML block that swallows the rest of the text starts (see unclosedTail). */
  unclosedTail?: number;
  syntaxIssues: SyntaxIssue[];
  schemaIssues: SchemaIssue[];
  unknownKeys: UnknownKeyIssue[];
  outline: OutlineEntry[];
  /** Offset and text of the front matter's YAML, for directive scanning. */
  frontMatterYaml?: { start: number; end: number };
  /** The directives in the body's HTML comments, in document order. */
  directives: Directive[];
  /** The language the body was read in, and the languages considered when detection could not tell. */
  lang: Lang;
  langUnsure?: Lang[];
}

/** Reads a Markdown plan into `plan`; an editor's `session` keeps what the next lint of the document can reuse. */
export function readMarkdownPlan(
  text: string,
  lines: LineIndex,
  plan: PlanModel,
  session?: ParseSession,
  language?: Lang,
): MarkdownReadResult {
  const fm = findFrontMatter(text);
  let bodyStart = 0;
  const syntaxIssues: SyntaxIssue[] = [];
  const schemaIssues: SchemaIssue[] = [];
  const unknownKeys: UnknownKeyIssue[] = [];
  let frontMatterYaml: MarkdownReadResult['frontMatterYaml'];
  if (fm) {
    const { start: contentStart, end: contentEnd } = fm.content;
    const yamlText = text.slice(contentStart, contentEnd);
    plan.frontMatter = { span: fm.span, contentSpan: fm.content };
    frontMatterYaml = { start: contentStart, end: contentEnd };
    // Why: keystrokes rarely touch the front matter; what it reads to is kept (values are only read, never changed).
    const readFrontMatter = () => {
      const doc = parseDocument(yamlText, YAML_OPTIONS);
      const fields = {} as PlanModel;
      const r = readYamlPlan(doc, text, contentStart, fields, 'front-matter');
      return {
        fields,
        syntax: yamlSyntaxIssues(doc, contentStart, yamlText),
        schema: r.schemaIssues,
        unknown: r.unknownKeys,
      };
    };
    const read = session ? session.frontMatter(`${contentStart}\u0000${yamlText}`, readFrontMatter) : readFrontMatter();
    Object.assign(plan, read.fields);
    append(syntaxIssues, read.syntax);
    append(schemaIssues, read.schema);
    append(unknownKeys, read.unknown);
    const nl = text.indexOf('\n', fm.span.end);
    bodyStart = nl === -1 ? text.length : nl + 1;
  } else if (/^---[ \t]*\r?\n/.test(text)) {
    syntaxIssues.push({
      span: lines.lineSpan(1),
      detail: 'the front matter opened on line 1 has no closing `---` line',
    });
  }
  const { lang, langUnsure } = planLang(text.slice(bodyStart), plan, language, true);
  // The schema in the plan's language: its headings, labels, headers and enum words beside the English ones. A plan
  // whose language could not be told is read in any: its sections are found whichever it is (no cascade of "missing").
  const readAs: ReadLang = langUnsure ? 'any' : lang;
  const SECTIONS = SECTIONS_BY_LANG[readAs];
  const keptEntries = session?.entriesIn(readAs);
  const model = plan as unknown as Record<string, unknown>;
  const outline: OutlineEntry[] = [];
  const sectionIssues: SyntaxIssue[] = [];
  const directives: Directive[] = [];
  const withDirectives = text.includes('testbed-lint-');
  /** The H2 section being read: its nodes (a text section), or a reader of entries that takes them one at a time. */
  let current:
    | {
        heading: Heading;
        name: string;
        kind: SectionKind | undefined;
        anchor: Span;
        read: boolean;
        nodes: RootContent[];
        last?: RootContent;
        entries?: HeadingSectionReader | BulletSectionReader;
        failed?: boolean;
      }
    | undefined;
  const nestedTooDeeply = (anchor: Span) =>
    sectionIssues.push({ span: anchor, detail: 'this section is nested too deeply to read', kind: 'markdown' });
  const finishSection = () => {
    const sec = current;
    current = undefined;
    if (!sec) return;
    const span = { start: sec.anchor.start, end: sec.last ? off(sec.last).end : sec.anchor.end };
    outline.push({ kind: sec.kind, name: sec.name, anchor: sec.anchor, span });
    if (!sec.read || !sec.kind) return;
    const spec = SECTIONS.find((s) => s.kind === sec.kind)!;
    try {
      if (sec.entries) {
        if (sec.failed) nestedTooDeeply(sec.anchor);
        else model[sec.kind] = sec.entries.finish(span);
      } else if (!spec.entry) model[sec.kind] = textSection(sec.nodes, sec.anchor, span);
    } catch (error) {
      // Why: reading a section's text recurses per nesting level; a section nested thousands deep is reported, not fatal.
      if (!isStackOverflow(error)) throw error;
      nestedTooDeeply(sec.anchor);
    }
  };
  // The body split into H2 sections, each read as its nodes come; the first H1 is the title when the front matter
  // has none (what follows an H1, up to the next H2, is in no section).
  const take = (node: RootContent) => {
    if (node.type === 'heading' && node.depth <= 2) {
      finishSection();
      if (node.depth === 1) {
        if (!plan.title) {
          const t = toString(node).trim();
          if (t) {
            plan.title = { value: t, span: headingTextSpan(text, node) };
            plan.titleAnchor = off(node);
          }
        }
        return;
      }
      const name = toString(node).trim();
      const kind = sectionKind(name, readAs);
      const anchor = off(node);
      const read = kind !== undefined && model[kind] === undefined;
      const spec = kind && SECTIONS.find((s) => s.kind === kind);
      const entries =
        read && spec?.entry
          ? kind === 'iterations'
            ? new HeadingSectionReader(text, anchor, spec.entry, keptEntries)
            : new BulletSectionReader(text, anchor, kind, spec.entry)
          : undefined;
      current = { heading: node, name, kind, anchor, read, nodes: [], ...(entries ? { entries } : {}) };
      return;
    }
    if (!current) return;
    current.last = node;
    // Why: only a text section needs its nodes at the end; entry readers take them as they come.
    if (!current.entries) {
      if (current.read) current.nodes.push(node);
    } else if (!current.failed) {
      try {
        current.entries.add(node);
      } catch (error) {
        if (!isStackOverflow(error)) throw error;
        current.failed = true;
      }
    }
  };
  /** A long table's later rows (see BlockVisitor.rows): to the section's entry reader, or as text. */
  const takeRows = (table: Table, rows: TableRow[]) => {
    if (!current) return;
    if (!current.entries) {
      // Why: a text section's text is its nodes' text; the rows read as one more table of it.
      const at = { start: rows[0]!.position!.start, end: rows[rows.length - 1]!.position!.end };
      if (current.read) current.nodes.push({ type: 'table', align: table.align, children: rows, position: at });
    } else if (!current.failed) current.entries.rows(table, rows);
  };
  let last: RootContent | undefined;
  const { unreadable } = readBlocks(
    text,
    {
      node: (node) => {
        if (withDirectives)
          append(directives, markdownDirectives({ type: 'root', children: [node] }, text, lines, true));
        take(node);
        last = node;
      },
      rows: (table, rows) => {
        if (withDirectives) append(directives, markdownDirectives({ type: 'root', children: rows }, text, lines, true));
        takeRows(table, rows);
      },
    },
    { from: bodyStart, lineOf: (o) => lines.lineAt(o), session },
  );
  finishSection();
  for (const u of unreadable) {
    const line = lines.positionAt(u.start).line;
    syntaxIssues.push({
      span: lines.trimSpan(lines.lineSpan(line)),
      detail: 'this part is nested too deeply to read',
      kind: 'markdown',
    });
  }
  append(syntaxIssues, sectionIssues);
  const out: MarkdownReadResult = {
    unclosedTail: unclosedTail(text, last),
    syntaxIssues,
    schemaIssues,
    unknownKeys,
    outline,
    frontMatterYaml,
    directives,
    lang,
    ...(langUnsure ? { langUnsure } : {}),
  };
  validateBody(text, plan, out.schemaIssues, SECTIONS);
  return out;
}

/**
 * Values read from Markdown prose get the same checks as YAML values: every enum field and every date field
 * whose schema reports invalid dates (iteration dates excepted: iteration-dated owns them).
 */
function validateBody(text: string, plan: PlanModel, issues: SchemaIssue[], SECTIONS: readonly SectionSpec[]): void {
  const model = plan as unknown as Record<string, { entries?: Record<string, unknown>[] } | undefined>;
  for (const s of SECTIONS) {
    const entries = model[s.kind]?.entries;
    if (!s.entry || !entries) continue;
    // Why: a plain loop and each problem's key built only for it: every field of every entry is checked on every keystroke.
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      for (const f of s.entry.fields) {
        if (f.type === 'enum') {
          const v = e[f.name] as Located<string> | undefined;
          if (v && !f.values!.includes(v.value)) {
            // The word itself (not the emphasis or full stop around it) is what a did-you-mean replaces.
            const at = text.slice(v.span.start, v.span.end).toLowerCase().indexOf(v.value);
            const span =
              at < 0 || v.value === '' ? v.span : { start: v.span.start + at, end: v.span.start + at + v.value.length };
            const near = nearest(v.value, f.values!);
            issues.push({
              span,
              key: `${s.key}[${i}].${f.key}`,
              expected: `one of ${f.values!.join(', ')}`,
              actual: text.slice(span.start, span.end),
              ...(near.length === 1 && span !== v.span
                ? { replacement: near[0] }
                : near.length > 0
                  ? { suggestions: near }
                  : {}),
            });
          }
        } else if (f.type === 'date' && f.reportInvalid) {
          const d = e[f.name] as DateField | undefined;
          if (d && d.day === undefined) {
            issues.push({
              span: d.span,
              key: `${s.key}[${i}].${f.key}`,
              expected: 'a real calendar date (YYYY-MM-DD)',
              actual: d.value,
              replacement: normaliseDateLike(d.value),
              ...suggestedDate(d.value),
            });
          }
        }
      }
    }
  }
  issues.sort((a, b) => a.span.start - b.span.start);
}

function textSection(nodes: RootContent[], anchor: Span, span: Span): TextSection {
  const content = nodes.filter((n) => n.type !== 'html');
  if (content.length === 0) return { anchor, span, words: 0 };
  const value = content.map(blockText).join('\n').trim();
  const s = { start: off(content[0]!).start, end: off(content[content.length - 1]!).end };
  return { anchor, span, text: { value, span: s }, words: countWords(value) };
}

/** Plain text of a block, with a line break between list items, table rows and nested blocks. */
function blockText(node: Nodes): string {
  if (
    node.type === 'list' ||
    node.type === 'listItem' ||
    node.type === 'blockquote' ||
    node.type === 'table' ||
    node.type === 'tableRow'
  ) {
    return (node.children as Nodes[]).map(blockText).join(node.type === 'tableRow' ? ' ' : '\n');
  }
  return toString(node);
}

// Re-exported for tests that check the enum words the Markdown form accepts.
export const MARKDOWN_ENUMS = { SOURCES, ORDERS, PERSPECTIVES };
