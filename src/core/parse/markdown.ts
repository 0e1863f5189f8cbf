// Reads a Markdown plan (front matter + sections) into the plan model, with spans from the mdast positions.
// Sections and their entries are found by the plan schema; markdown-entries.ts reads the entries.
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseDocument } from 'yaml';
import { normaliseDateLike } from '../dates.js';
import type { OutlineEntry, SchemaIssue, SyntaxIssue, UnknownKeyIssue } from '../document.js';
import type { DateField, Located, PlanModel, TextSection } from '../model.js';
import { ORDERS, PERSPECTIVES, SECTIONS, SOURCES, sectionOfHeading, type SectionKind } from '../schema.js';
import type { LineIndex } from '../positions.js';
import type { Span } from '../types.js';
import { BlockCache } from './blocks.js';
import { findFrontMatter } from './front-matter.js';
import { bulletSection, headingSection, headingTextSpan, off } from './markdown-entries.js';
import { YAML_OPTIONS, yamlSyntaxIssues } from './yaml-errors.js';
import { countWords, readYamlPlan, suggestedDate } from './yaml-model.js';
import { nearest } from '../suggest.js';

/** The section a heading names (see the schema's synonyms). */
export const sectionKind: (heading: string) => SectionKind | undefined = sectionOfHeading;

export interface MarkdownReadResult {
  mdast: Root;
  syntaxIssues: SyntaxIssue[];
  schemaIssues: SchemaIssue[];
  unknownKeys: UnknownKeyIssue[];
  outline: OutlineEntry[];
  /** Offset and text of the front matter's YAML, for directive scanning. */
  frontMatterYaml?: { start: number; end: number };
}

export function readMarkdownPlan(text: string, lines: LineIndex, plan: PlanModel, cache: BlockCache = new BlockCache()): MarkdownReadResult {
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
    const doc = cache.frontMatter(yamlText, () => parseDocument(yamlText, YAML_OPTIONS));
    syntaxIssues.push(...yamlSyntaxIssues(doc, contentStart, yamlText));
    const r = readYamlPlan(doc, text, contentStart, plan, 'front-matter');
    schemaIssues.push(...r.schemaIssues);
    unknownKeys.push(...r.unknownKeys);
    const nl = text.indexOf('\n', fm.span.end);
    bodyStart = nl === -1 ? text.length : nl + 1;
  } else if (/^---[ \t]*\r?\n/.test(text)) {
    syntaxIssues.push({ span: lines.lineSpan(1), detail: 'the front matter opened on line 1 has no closing `---` line' });
  }
  const mdast = cache.parse(text, bodyStart, (o) => lines.positionAt(o).line);
  for (const u of cache.unreadable) {
    const line = lines.positionAt(u.start).line;
    syntaxIssues.push({ span: lines.trimSpan(lines.lineSpan(line)), detail: 'this part is nested too deeply to read', kind: 'markdown' });
  }
  const out: MarkdownReadResult = { mdast, syntaxIssues, schemaIssues, unknownKeys, outline: [], frontMatterYaml };
  const model = plan as unknown as Record<string, unknown>;
  for (const sec of h2Sections(text, mdast.children, plan)) {
    const name = toString(sec.heading).trim();
    const kind = sectionKind(name);
    const anchor = off(sec.heading);
    const last = sec.nodes[sec.nodes.length - 1];
    const span = { start: anchor.start, end: last ? off(last).end : anchor.end };
    out.outline.push({ kind, name, anchor, span });
    if (!kind || model[kind] !== undefined) continue;
    const spec = SECTIONS.find((s) => s.kind === kind)!;
    try {
      if (!spec.entry) model[kind] = textSection(sec.nodes, anchor, span);
      else if (kind === 'iterations') model[kind] = headingSection(text, sec.nodes, anchor, span, spec.entry, cache.keeps);
      else model[kind] = bulletSection(text, sec.nodes, anchor, span, kind, spec.entry);
    } catch (error) {
      // Why: reading a section's text recurses per nesting level; a section nested thousands deep is reported, not fatal.
      if (!(error instanceof RangeError)) throw error;
      out.syntaxIssues.push({ span: anchor, detail: 'this section is nested too deeply to read', kind: 'markdown' });
    }
  }
  validateBody(text, plan, out.schemaIssues);
  return out;
}

interface H2Section {
  heading: Heading;
  nodes: RootContent[];
}

/** The body split into H2 sections; the first H1 is the title when the front matter has none. */
function h2Sections(text: string, children: RootContent[], plan: PlanModel): H2Section[] {
  const sections: H2Section[] = [];
  let current: H2Section | undefined;
  for (const node of children) {
    if (node.type === 'heading' && node.depth <= 2) {
      if (node.depth === 1) {
        if (!plan.title) {
          const t = toString(node).trim();
          if (t) {
            plan.title = { value: t, span: headingTextSpan(text, node) };
            plan.titleAnchor = off(node);
          }
        }
        current = undefined;
        continue;
      }
      current = { heading: node, nodes: [] };
      sections.push(current);
      continue;
    }
    current?.nodes.push(node);
  }
  return sections;
}

/**
 * Values read from Markdown prose get the same checks as YAML values: every enum field and every date field
 * whose schema reports invalid dates (iteration dates excepted: iteration-dated owns them).
 */
function validateBody(text: string, plan: PlanModel, issues: SchemaIssue[]): void {
  const model = plan as unknown as Record<string, { entries?: Record<string, unknown>[] } | undefined>;
  for (const s of SECTIONS) {
    const entries = model[s.kind]?.entries;
    if (!s.entry || !entries) continue;
    entries.forEach((e, i) => {
      for (const f of s.entry!.fields) {
        const key = `${s.key}[${i}].${f.key}`;
        if (f.type === 'enum') {
          const v = e[f.name] as Located<string> | undefined;
          if (v && !f.values!.includes(v.value)) {
            // The word itself (not the emphasis or full stop around it) is what a did-you-mean replaces.
            const at = text.slice(v.span.start, v.span.end).toLowerCase().indexOf(v.value);
            const span = at < 0 || v.value === '' ? v.span : { start: v.span.start + at, end: v.span.start + at + v.value.length };
            const near = nearest(v.value, f.values!);
            issues.push({
              span,
              key,
              expected: `one of ${f.values!.join(', ')}`,
              actual: text.slice(span.start, span.end),
              ...(near.length === 1 && span !== v.span ? { replacement: near[0] } : near.length > 0 ? { suggestions: near } : {}),
            });
          }
        } else if (f.type === 'date' && f.reportInvalid) {
          const d = e[f.name] as DateField | undefined;
          if (d && d.day === undefined) {
            issues.push({ span: d.span, key, expected: 'a real calendar date (YYYY-MM-DD)', actual: d.value, replacement: normaliseDateLike(d.value), ...suggestedDate(d.value) });
          }
        }
      }
    });
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
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'table' || node.type === 'tableRow') {
    return (node.children as Nodes[]).map(blockText).join(node.type === 'tableRow' ? ' ' : '\n');
  }
  return toString(node);
}

// Re-exported for tests that check the enum words the Markdown form accepts.
export const MARKDOWN_ENUMS = { SOURCES, ORDERS, PERSPECTIVES };
