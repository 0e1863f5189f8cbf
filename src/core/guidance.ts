// What the testbed framework asks of each part of a plan, and a live summary of a plan's section, in plain words.
import type { SectionKind } from './document.js';
import { isLive, type PlanModel } from './model.js';

export interface SectionGuidance {
  kind: SectionKind;
  /** The Markdown heading and the YAML key of the section. */
  heading: string;
  key: string;
  /** What the framework asks for, in one sentence. */
  asks: string;
  /** Why, in two or three plain sentences. */
  why: string;
}

export const SECTION_GUIDANCE: Readonly<Record<SectionKind, SectionGuidance>> = {
  selection: {
    kind: 'selection',
    heading: 'Customer selection',
    key: 'selection',
    asks: 'Say why this customer was chosen: a small or low-risk account, processes still to be designed, and an eager champion.',
    why:
      'A testbed needs room to try things that may fail, so a premier account is the wrong place: it raises a red flag for the sales group. ' +
      'Baxter started with a small, new hospital customer whose processes were still being designed, led by a champion who wanted to innovate.',
  },
  iterations: {
    kind: 'iterations',
    heading: 'Iteration log',
    key: 'iterations',
    asks: 'Log every change as you go: its date, what changed, and the customer feedback that prompted it.',
    why:
      'A testbed learns by changing the offer in small steps with the customer, not by executing a fixed plan. ' +
      'The important findings take a year or so to show, and the later, second- and third-order changes (to processes and to how the firm works) matter most.',
  },
  counterparts: {
    kind: 'counterparts',
    heading: 'Counterparts',
    key: 'counterparts',
    asks: 'Name the counterparts from other departments, involved from the start, and the direct benefit each department gets.',
    why:
      'A testbed run by sales alone stalls when it needs finance, IT or operations to change. ' +
      'A regional phone company brought finance and its network operations in from the first month, so pricing and provisioning changes were ready when the customer asked for them.',
  },
  metrics: {
    kind: 'metrics',
    heading: 'Metrics',
    key: 'metrics',
    asks: 'Measure from the outside in: at least one metric from the customer\'s perspective, tracking the worst experience, not only the average.',
    why:
      'Internal metrics such as tickets closed can improve while the customer\'s experience gets worse. ' +
      'Customers remember their worst day, so a p95 or worst-case delivery time says more than an average.',
  },
  scaleUp: {
    kind: 'scaleUp',
    heading: 'Scale-up',
    key: 'scale-up',
    asks: 'Say how planning, resource allocation and compensation will change to scale what the testbed found.',
    why:
      'Findings from one customer spread only when the firm\'s planning, budgets and incentives change with them. ' +
      'Without that, a successful testbed stays a one-off pilot.',
  },
};

export interface ValueGuidance {
  key: string;
  /** The allowed values, each with its meaning. */
  values: { value: string; meaning: string }[];
  note?: string;
}

export const VALUE_GUIDANCE: Readonly<Record<'tier' | 'status' | 'order' | 'perspective', ValueGuidance>> = {
  tier: {
    key: 'tier',
    values: [
      { value: 'standard', meaning: 'an ordinary account: a good testbed' },
      { value: 'premier, key, strategic, platinum, ...', meaning: 'a premier account: reported by customer-not-premier' },
    ],
    note: 'Any text is allowed; premier tiers are a red flag for the sales group, so pick a small, new account.',
  },
  status: {
    key: 'status',
    values: [
      { value: 'draft', meaning: 'being written; fewer rules apply' },
      { value: 'proposed', meaning: 'waiting for approval' },
      { value: 'running', meaning: 'live with the customer; the iteration log must be kept up to date' },
      { value: 'scaling', meaning: 'findings are being rolled out; a scale-up plan is required' },
      { value: 'closed', meaning: 'finished; a scale-up plan is required' },
    ],
  },
  order: {
    key: 'order',
    values: [
      { value: 'first', meaning: 'a change to the offer itself (a feature, a price)' },
      { value: 'second', meaning: 'a change to a process, in the customer\'s or our own organisation' },
      { value: 'third', meaning: 'a change to how the firm works: planning, structure, incentives' },
    ],
  },
  perspective: {
    key: 'perspective',
    values: [
      { value: 'customer', meaning: 'measured as the customer experiences it (outside in)' },
      { value: 'internal', meaning: 'measured inside the firm' },
    ],
  },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const FINANCE = /financ|controll|fp&a|cfo/i;
const SALES = /^sales\b/i;

/** A one-line summary of a plan's section ("4 counterparts, 3 departments besides sales; finance involved"). */
export function sectionSummary(plan: PlanModel, kind: SectionKind): string {
  switch (kind) {
    case 'selection': {
      const c = plan.customer;
      const parts = [`${plural(plan.selection?.words ?? 0, 'word')} of rationale`];
      if (c?.name) parts.push(`customer ${c.name.value}`);
      if (c?.tier) parts.push(`tier ${c.tier.value}`);
      if (c?.size) parts.push(`size ${c.size.value}`);
      return parts.join('; ');
    }
    case 'iterations': {
      const entries = plan.iterations?.entries ?? [];
      const deep = entries.filter((e) => e.order?.value === 'second' || e.order?.value === 'third').length;
      const days = entries.map((e) => e.date).filter((d) => d?.day !== undefined);
      const newest = days.reduce<string | undefined>((m, d) => (m === undefined || d!.value > m ? d!.value : m), undefined);
      const parts = [plural(entries.length, 'entry').replace(/entrys$/, 'entries'), `${deep} second- or third-order`];
      if (newest) parts.push(`newest ${newest}`);
      if (isLive(plan)) parts.push('plan is live');
      return parts.join('; ');
    }
    case 'counterparts': {
      const entries = plan.counterparts?.entries ?? [];
      const owner = (plan.ownerDepartment?.value ?? 'sales').trim().toLowerCase();
      const depts = new Set(entries.map((e) => e.department?.value.trim().toLowerCase()).filter((d): d is string => !!d && d !== owner));
      const finance = entries.some((e) => FINANCE.test(e.department?.value ?? ''));
      const start = plan.start?.day;
      const late = start === undefined ? 0 : entries.filter((e) => e.since?.day !== undefined && e.since.day > start).length;
      const ownerName = SALES.test(owner) ? 'sales' : owner;
      return `${plural(entries.length, 'counterpart')}, ${plural(depts.size, 'department')} besides ${ownerName}; finance ${finance ? 'involved' : 'not involved'}; ${late} joined after the start`;
    }
    case 'metrics': {
      const entries = plan.metrics?.entries ?? [];
      const customer = entries.filter((e) => e.perspective?.value.toLowerCase() === 'customer').length;
      return `${plural(entries.length, 'metric')}, ${customer} from the customer's perspective`;
    }
    case 'scaleUp':
      return `${plural(plan.scaleUp?.words ?? 0, 'word')} on scaling up`;
  }
}

/** The section's guidance and live summary as Markdown, for an editor hover or the CLI. */
export function sectionGuidanceMarkdown(plan: PlanModel, kind: SectionKind): string {
  const g = SECTION_GUIDANCE[kind];
  return `**${g.heading}**: ${g.asks}\n\n${g.why}\n\n_This plan:_ ${sectionSummary(plan, kind)}`;
}

/** The allowed values of `key` as Markdown. */
export function valueGuidanceMarkdown(key: keyof typeof VALUE_GUIDANCE): string {
  const g = VALUE_GUIDANCE[key];
  const rows = g.values.map((v) => `- \`${v.value}\`: ${v.meaning}`).join('\n');
  return `**${key}**: allowed values\n\n${rows}${g.note ? `\n\n${g.note}` : ''}`;
}
