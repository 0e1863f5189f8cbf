// Inline configuration comments in both forms: `<!-- testbed-lint-disable ID -->` and `# testbed-lint-disable ID`.
import type { Html, Nodes, Root } from 'mdast';
import type { Directive, DirectiveKind } from '../document.js';
import type { LineIndex } from '../positions.js';
import type { Span } from '../types.js';

const KINDS = 'disable-next-line|disable-line|disable-file|disable|enable';
const HTML_DIRECTIVE = new RegExp(`<!--\\s*testbed-lint-(${KINDS})\\b([^]*?)-->`, 'g');
const YAML_DIRECTIVE = new RegExp(`(?:^|\\s)#\\s*testbed-lint-(${KINDS})\\b([^\\n]*)`, 'g');

function ids(body: string, bodyStart: number): Directive['ids'] {
  const out: Directive['ids'] = [];
  const re = /[^\s,]+/g;
  let m: RegExpExecArray | null;
  // Why: "--" closes a description in ESLint-style comments: `disable foo -- reason`.
  const cut = body.search(/(^|\s)--(\s|$)/);
  const list = cut === -1 ? body : body.slice(0, cut);
  while ((m = re.exec(list)))
    out.push({ value: m[0], span: { start: bodyStart + m.index, end: bodyStart + m.index + m[0].length } });
  return out;
}

/** A directive found by a match: its kind, its comment's span, and its body (the ids) and where that starts. */
interface Found {
  kind: string;
  span: Span;
  body: string;
  bodyStart: number;
}

function push(out: Directive[], lines: LineIndex, { kind, span, body, bodyStart }: Found): void {
  out.push({ kind: kind as DirectiveKind, ids: ids(body, bodyStart), span, line: lines.positionAt(span.start).line });
}

/** Directives in Markdown HTML comments (outside code, which mdast keeps as `code`, not `html`). */
export function markdownDirectives(tree: Root, text: string, lines: LineIndex, textHasThem?: boolean): Directive[] {
  const out: Directive[] = [];
  // Why: most plans have no such comment; skip walking the whole tree for them (`textHasThem`: already looked).
  if (!(textHasThem ?? text.includes('testbed-lint-'))) return out;
  // Why: an explicit stack rather than unist-util-visit's recursion, so deep nesting cannot overflow the call stack.
  const stack: Nodes[] = [tree];
  const html: Html[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') html.push(node);
    else if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  for (const node of html) {
    const base = node.position?.start.offset;
    if (base === undefined) continue;
    const raw = text.slice(base, node.position!.end.offset);
    for (const m of raw.matchAll(HTML_DIRECTIVE)) {
      const start = base + m.index;
      push(out, lines, {
        kind: m[1]!,
        span: { start, end: start + m[0].length },
        body: m[2]!,
        bodyStart: start + m[0].length - 3 - m[2]!.length,
      });
    }
  }
  return out;
}

/** Directives in YAML comments within [from, to) of the text. */
export function yamlDirectives(text: string, from: number, to: number, lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(YAML_DIRECTIVE)) {
    const hash = m.index + m[0].indexOf('#');
    const start = from + hash;
    const end = from + m.index + m[0].length;
    push(out, lines, { kind: m[1]!, span: { start, end }, body: m[2]!, bodyStart: end - m[2]!.length });
  }
  return out;
}
