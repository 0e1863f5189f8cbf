// Reads a rule doc (src/rules/<id>/<id>.md) with remark: its headings, header line and fenced examples.
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface DocExample {
  section: string;
  lang: 'plan-md' | 'plan-yaml';
  code: string;
  /** 1-based line of the opening fence in the doc. */
  line: number;
  attrs: Record<string, string>;
  /** Problems expected from the rule: explicit `expect=N`, else 1 under Incorrect and Fix, 0 under Correct. */
  expect: number | undefined;
}

export interface RuleDoc {
  title: string;
  header: string;
  headings: string[];
  examples: DocExample[];
  /** Fenced blocks with another info string, for a check that nothing is silently skipped. */
  otherBlocks: { lang: string; line: number }[];
}

function attrs(meta: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (meta ?? '').matchAll(/([\w-]+)=('([^']*)'|"([^"]*)"|(\S+))/g)) {
    out[m[1]!] = m[3] ?? m[4] ?? m[5] ?? '';
  }
  return out;
}

export function readRuleDoc(text: string): RuleDoc {
  const tree = unified().use(remarkParse).parse(text);
  const doc: RuleDoc = { title: '', header: '', headings: [], examples: [], otherBlocks: [] };
  let section = '';
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const h = node;
      const t = toString(h);
      if (h.depth === 1) doc.title = t;
      else {
        doc.headings.push(`${'#'.repeat(h.depth)} ${t}`);
        if (h.depth === 2) section = t;
      }
    } else if (node.type === 'blockquote' && !doc.header && !section) {
      // The raw text, so inline code keeps its backticks; without the leading "> ".
      const raw = text.slice(node.position!.start.offset, node.position!.end.offset);
      doc.header = raw.replace(/^>\s?/gm, '').replace(/\s+/g, ' ').trim();
    } else if (node.type === 'code') {
      const c = node;
      const line = c.position?.start.line ?? 0;
      if (c.lang === 'plan-md' || c.lang === 'plan-yaml') {
        const a = attrs(c.meta);
        const expect =
          a.expect !== undefined
            ? Number(a.expect)
            : section === 'Incorrect' || section === 'Fix'
              ? 1
              : section === 'Correct'
                ? 0
                : undefined;
        doc.examples.push({ section, lang: c.lang, code: c.value + '\n', line, attrs: a, expect });
      } else {
        doc.otherBlocks.push({ lang: c.lang ?? '', line });
      }
    }
  }
  return doc;
}
