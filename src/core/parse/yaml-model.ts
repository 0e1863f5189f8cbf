// Reads a parsed YAML mapping (a YAML plan, or a Markdown plan's front matter) into the plan model.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { normaliseDateLike, parseIsoDate } from '../dates.js';
import type { SchemaIssue, UnknownKeyIssue } from '../document.js';
import {
  AIMS,
  ORDERS,
  PERSPECTIVES,
  RISKS,
  SIZES,
  SOURCES,
  STATUSES,
  type Counterpart,
  type CustomerModel,
  type DateField,
  type IterationEntry,
  type ListSection,
  type Located,
  type Metric,
  type PlanModel,
  type TextSection,
} from '../model.js';
import type { Span } from '../types.js';
import {
  COUNTERPART_KEYS,
  CUSTOMER_KEYS,
  FRONT_MATTER_KEYS,
  ITERATION_KEYS,
  METRIC_KEYS,
  SELECTION_KEYS,
  YAML_PLAN_KEYS,
  suggest,
} from './keys.js';

export interface YamlReadResult {
  schemaIssues: SchemaIssue[];
  unknownKeys: UnknownKeyIssue[];
  /** Top-level keys in document order, with their key and whole-pair spans. */
  topKeys: { key: string; anchor: Span; span: Span }[];
}

type AnyNode = Node | null | undefined;

/** Fills `plan` from the mapping at the root of `doc`. `base` is the offset of the YAML text in the file. */
export function readYamlPlan(doc: Document, source: string, base: number, plan: PlanModel, form: 'front-matter' | 'yaml'): YamlReadResult {
  const r = new Reader(doc, base, source);
  const root = doc.contents;
  const topKeys: YamlReadResult['topKeys'] = [];
  if (root === null || root === undefined) return { schemaIssues: r.schema, unknownKeys: r.unknown, topKeys };
  if (!isMap(root)) {
    r.schema.push({
      span: r.span(root),
      key: form === 'yaml' ? 'plan' : 'front matter',
      expected: 'a mapping of keys (key: value)',
      actual: r.describe(root),
    });
    return { schemaIssues: r.schema, unknownKeys: r.unknown, topKeys };
  }
  const known = form === 'yaml' ? YAML_PLAN_KEYS : FRONT_MATTER_KEYS;
  for (const pair of r.pairs(root, known, 'plan', form === 'yaml' ? 'the plan' : 'the front matter')) {
    const key = r.keyText(pair);
    const anchor = r.span(pair.key as Node);
    topKeys.push({ key, anchor, span: r.pairSpan(pair) });
    const v = r.deref(pair.value as AnyNode);
    switch (key) {
      case 'kind':
        plan.kind = r.enumValue(v, 'kind', ['testbed-plan']);
        break;
      case 'title':
        plan.title = r.text(v, 'title');
        if (plan.title) plan.titleAnchor = r.pairSpan(pair);
        break;
      case 'owner':
        plan.owner = r.text(v, 'owner');
        break;
      case 'owner-department':
        plan.ownerDepartment = r.text(v, 'owner-department');
        break;
      case 'status':
        plan.status = r.enumValue(v, 'status', STATUSES, true);
        break;
      case 'start':
        plan.start = r.date(v, 'start');
        break;
      case 'review':
        plan.review = r.date(v, 'review');
        break;
      case 'aims':
        plan.aims = { anchor, items: r.enumList(v, 'aims', AIMS) };
        break;
      case 'customer':
        plan.customer = r.customer(v, anchor);
        break;
      case 'selection':
        plan.selection = r.selection(v, anchor, r.pairSpan(pair));
        break;
      case 'iterations':
        plan.iterations = r.list(v, anchor, r.pairSpan(pair), 'iterations', (m, i, s) => r.iteration(m, i, s));
        break;
      case 'counterparts':
        plan.counterparts = r.list(v, anchor, r.pairSpan(pair), 'counterparts', (m, i, s) => r.counterpart(m, i, s));
        break;
      case 'metrics':
        plan.metrics = r.list(v, anchor, r.pairSpan(pair), 'metrics', (m, i, s) => r.metric(m, i, s));
        break;
      case 'scale-up':
        plan.scaleUp = r.textSection(v, anchor, r.pairSpan(pair), 'scale-up');
        break;
      default:
      // Empty: unknown keys were reported by pairs().
    }
  }
  return { schemaIssues: r.schema, unknownKeys: r.unknown, topKeys };
}

class Reader {
  readonly schema: SchemaIssue[] = [];
  readonly unknown: UnknownKeyIssue[] = [];
  constructor(
    private readonly doc: Document,
    private readonly base: number,
    private readonly source: string,
  ) {}

  /** The node's span in the file, without the line break and indentation a block collection ends with. */
  span(node: AnyNode): Span {
    const range = node?.range;
    if (!range) return { start: this.base, end: this.base };
    const start = this.base + range[0];
    let end = this.base + Math.max(range[0], range[1]);
    // Why: YAML whitespace only; /\s/ would also trim a U+FEFF or U+00A0 that is part of a key, and a rename fix would miss it.
    while (end > start && /[ \t\r\n]/.test(this.source[end - 1]!)) end--;
    return { start, end };
  }

  pairSpan(pair: Pair): Span {
    const k = this.span(pair.key as Node);
    const v = pair.value ? this.span(pair.value as Node) : k;
    return { start: k.start, end: Math.max(k.end, v.end) };
  }

  /** Follows an alias one step, so values can be shared with anchors; nothing is expanded recursively. */
  deref(node: AnyNode): AnyNode {
    if (node && isAlias(node)) {
      try {
        const target = node.resolve(this.doc);
        return target ?? node;
      } catch {
        return node;
      }
    }
    return node;
  }

  keyText(pair: Pair): string {
    const k = pair.key;
    if (isScalar(k)) return String(k.value);
    return '';
  }

  describe(node: AnyNode): string {
    if (!node) return 'nothing';
    if (isMap(node)) return 'a mapping';
    if (isSeq(node)) return 'a list';
    if (isScalar(node)) {
      const v = node.value;
      if (v === null) return 'nothing';
      const s = typeof v === 'string' ? v : String(v);
      return s.length > 40 ? `${s.slice(0, 37)}...` : s;
    }
    return 'an alias';
  }

  /** The pairs of a mapping, reporting keys outside `known` (except `x-` keys), which are then skipped. */
  *pairs(map: YAMLMap, known: readonly string[], where: string, _label: string): Generator<Pair> {
    for (const item of map.items) {
      if (!isPair(item)) continue;
      const key = this.keyText(item as Pair);
      if (key.startsWith('x-')) continue;
      if (!known.includes(key)) {
        // Why: `__proto__` and friends are just unknown keys here; nothing is ever assigned by a user's key name.
        this.unknown.push({ span: this.span(item.key as Node), key, where, suggestion: suggest(key, known) });
        continue;
      }
      yield item as Pair;
    }
  }

  private scalarString(node: AnyNode): string | undefined {
    if (node && isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'bigint') return String(node.source ?? v);
    }
    return undefined;
  }

  private isNull(node: AnyNode): boolean {
    return !node || (isScalar(node) && (node.value === null || node.value === ''));
  }

  text(node: AnyNode, key: string): Located<string> | undefined {
    if (this.isNull(node)) return undefined;
    const s = this.scalarString(node);
    if (s === undefined) {
      this.schema.push({ span: this.span(node), key, expected: 'text', actual: this.describe(node) });
      return undefined;
    }
    return { value: s, span: this.span(node) };
  }

  enumValue(node: AnyNode, key: string, allowed: readonly string[], fixCase = false): Located<string> | undefined {
    if (this.isNull(node)) return undefined;
    const s = this.scalarString(node);
    const span = this.span(node);
    if (s === undefined || !allowed.includes(s)) {
      const lower = s?.trim().toLowerCase().replace(/[\s_]+/g, '-');
      const replacement = fixCase && lower !== undefined && allowed.includes(lower) ? lower : undefined;
      this.schema.push({ span, key, expected: `one of ${allowed.join(', ')}`, actual: this.describe(node), replacement });
      return s === undefined ? undefined : { value: s, span };
    }
    return { value: s, span };
  }

  enumList(node: AnyNode, key: string, allowed: readonly string[]): Located<string>[] {
    if (this.isNull(node)) return [];
    if (isSeq(node)) {
      const out: Located<string>[] = [];
      node.items.forEach((item, i) => {
        const v = this.enumValue(this.deref(item as AnyNode), `${key}[${i}]`, allowed, true);
        if (v && allowed.includes(v.value)) out.push(v);
      });
      return out;
    }
    this.schema.push({ span: this.span(node), key, expected: `a list of ${allowed.join(', ')}`, actual: this.describe(node) });
    return [];
  }

  bool(node: AnyNode, key: string): Located<boolean> | undefined {
    if (this.isNull(node)) return undefined;
    if (isScalar(node) && typeof node.value === 'boolean') return { value: node.value, span: this.span(node) };
    const s = this.scalarString(node)?.trim().toLowerCase();
    const replacement = s === 'yes' || s === 'y' || s === 'on' ? 'true' : s === 'no' || s === 'n' || s === 'off' ? 'false' : undefined;
    this.schema.push({ span: this.span(node), key, expected: 'true or false', actual: this.describe(node), replacement });
    return undefined;
  }

  /** A date field. With `report` false (iteration dates, owned by iteration-dated) a bad date is kept silently. */
  date(node: AnyNode, key: string, report = true): DateField | undefined {
    if (this.isNull(node)) return undefined;
    const span = this.span(node);
    const s = this.scalarString(node);
    if (s === undefined) {
      if (report) this.schema.push({ span, key, expected: 'a date (YYYY-MM-DD)', actual: this.describe(node) });
      return report ? undefined : { value: this.describe(node), span };
    }
    const day = parseIsoDate(s.trim());
    if (day === undefined && report) {
      this.schema.push({
        span,
        key,
        expected: 'a real calendar date (YYYY-MM-DD)',
        actual: this.describe(node),
        replacement: normaliseDateLike(s),
      });
    }
    return { value: s, span, day };
  }

  customer(node: AnyNode, anchor: Span): CustomerModel | undefined {
    const c: CustomerModel = { anchor };
    if (this.isNull(node)) return c;
    if (!isMap(node)) {
      this.schema.push({ span: this.span(node), key: 'customer', expected: 'a mapping (name, tier, size, ...)', actual: this.describe(node) });
      return c;
    }
    for (const pair of this.pairs(node, CUSTOMER_KEYS, 'customer', 'customer')) {
      const key = this.keyText(pair);
      const v = this.deref(pair.value as AnyNode);
      const path = `customer.${key}`;
      if (key === 'name') c.name = this.text(v, path);
      else if (key === 'tier') c.tier = this.text(v, path);
      else if (key === 'size') c.size = this.enumValue(v, path, SIZES, true);
      else if (key === 'new-processes') c.newProcesses = this.bool(v, path);
      else if (key === 'champion') c.champion = this.text(v, path);
      else if (key === 'risk') c.risk = this.enumValue(v, path, RISKS, true);
    }
    return c;
  }

  textSection(node: AnyNode, anchor: Span, span: Span, key: string): TextSection {
    const text = this.text(node, key);
    return { anchor, span, text, words: text ? countWords(text.value) : 0 };
  }

  selection(node: AnyNode, anchor: Span, span: Span): TextSection {
    const s: TextSection = { anchor, span, words: 0 };
    if (this.isNull(node)) return s;
    if (!isMap(node)) {
      this.schema.push({ span: this.span(node), key: 'selection', expected: 'a mapping with `rationale`', actual: this.describe(node) });
      return s;
    }
    for (const pair of this.pairs(node, SELECTION_KEYS, 'selection', 'selection')) {
      const t = this.text(this.deref(pair.value as AnyNode), 'selection.rationale');
      s.text = t;
      s.words = t ? countWords(t.value) : 0;
    }
    return s;
  }

  list<T>(node: AnyNode, anchor: Span, span: Span, key: string, read: (m: YAMLMap, i: number, s: Span) => T): ListSection<T> {
    const section: ListSection<T> = { anchor, span, entries: [], style: 'yaml' };
    if (this.isNull(node)) return section;
    if (!isSeq(node)) {
      this.schema.push({ span: this.span(node), key, expected: 'a list of entries', actual: this.describe(node) });
      return section;
    }
    node.items.forEach((raw, i) => {
      const item = this.deref(raw as AnyNode);
      if (!isMap(item)) {
        this.schema.push({ span: this.span(item), key: `${key}[${i}]`, expected: 'a mapping of keys', actual: this.describe(item) });
        return;
      }
      section.entries.push(read(item, i, this.span(item)));
    });
    return section;
  }

  private firstKeySpan(m: YAMLMap, fallback: Span): Span {
    const first = m.items[0];
    return first && isPair(first) ? this.pairSpan(first as Pair) : fallback;
  }

  iteration(m: YAMLMap, i: number, span: Span): IterationEntry {
    const e: IterationEntry = { span, anchor: this.firstKeySpan(m, span) };
    for (const pair of this.pairs(m, ITERATION_KEYS, 'iteration', 'iteration')) {
      const key = this.keyText(pair);
      const v = this.deref(pair.value as AnyNode);
      const path = `iterations[${i}].${key}`;
      if (key === 'date') e.date = this.date(v, path, false);
      else if (key === 'title') e.title = this.text(v, path);
      else if (key === 'change') e.change = this.text(v, path);
      else if (key === 'feedback') e.feedback = this.text(v, path);
      else if (key === 'source') e.source = this.enumValue(v, path, SOURCES, true);
      else if (key === 'order') e.order = this.enumValue(v, path, ORDERS, true);
    }
    return e;
  }

  counterpart(m: YAMLMap, i: number, span: Span): Counterpart {
    const c: Counterpart = { span, anchor: this.firstKeySpan(m, span) };
    for (const pair of this.pairs(m, COUNTERPART_KEYS, 'counterpart', 'counterpart')) {
      const key = this.keyText(pair);
      const v = this.deref(pair.value as AnyNode);
      const path = `counterparts[${i}].${key}`;
      if (key === 'department') c.department = this.text(v, path);
      else if (key === 'contact') c.contact = this.text(v, path);
      else if (key === 'since') c.since = this.date(v, path);
      else if (key === 'benefit') c.benefit = this.text(v, path);
    }
    // As in Markdown, a counterpart is pointed at by its department.
    if (c.department) c.anchor = c.department.span;
    return c;
  }

  metric(m: YAMLMap, i: number, span: Span): Metric {
    const x: Metric = { span, anchor: this.firstKeySpan(m, span) };
    for (const pair of this.pairs(m, METRIC_KEYS, 'metric', 'metric')) {
      const key = this.keyText(pair);
      const v = this.deref(pair.value as AnyNode);
      const path = `metrics[${i}].${key}`;
      if (key === 'name') x.name = this.text(v, path);
      else if (key === 'perspective') x.perspective = this.enumValue(v, path, PERSPECTIVES, true);
      else if (key === 'aggregate') x.aggregate = this.text(v, path);
    }
    if (x.name) x.anchor = x.name.span;
    return x;
  }
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}
