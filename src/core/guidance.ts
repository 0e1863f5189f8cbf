// What the testbed framework asks of each part of a plan, and a live summary of a plan's section, in plain words.
import { countedDepartments } from './counted-departments.js';
import { isFinanceDepartment, ownDepartmentMatcher } from './departments.js';
import type { SectionKind } from './document.js';
import { isLive, type PlanModel } from './model.js';
import { SECTIONS, valueMeanings } from './schema.js';
import { isPlaceholder, plural } from './text.js';

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

/** Each section's guidance, from the plan schema. */
export const SECTION_GUIDANCE: Readonly<Record<SectionKind, SectionGuidance>> = Object.fromEntries(
  SECTIONS.map((x) => [x.kind, { kind: x.kind, heading: x.heading, key: x.key, asks: x.asks, why: x.why }]),
) as Record<SectionKind, SectionGuidance>;

export interface ValueGuidance {
  key: string;
  /** The allowed values, each with its meaning. */
  values: { value: string; meaning: string }[];
  note?: string;
}

/** The keys whose allowed values are explained in hover and completion. */
export type ValueGuidanceKey = 'tier' | 'status' | 'order' | 'perspective' | 'stage';

/** The allowed values of those keys with their meanings, from the plan schema. */
export const VALUE_GUIDANCE: Readonly<Record<ValueGuidanceKey, ValueGuidance>> = Object.fromEntries(
  (['tier', 'status', 'order', 'perspective', 'stage'] as const).map((key) => [key, { key, ...valueMeanings(key)! }]),
) as Record<ValueGuidanceKey, ValueGuidance>;

/** What a plan's lint config says that the summaries use. */
export interface GuidanceOptions {
  /** The names that count as finance: option `departments` of counterpart-finance (default: the rule's). */
  financeDepartments?: readonly string[];
  /** More names that count as the owner's own department: option `same-department` of counterparts-cross-functional. */
  sameDepartment?: readonly string[];
}

const SALES = /^sales\b/i;

/** A one-line summary of a plan's section ("4 counterparts, 3 departments besides sales; finance involved"). */
export function sectionSummary(plan: PlanModel, kind: SectionKind, options: GuidanceOptions = {}): string {
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
      const newest = days.reduce<string | undefined>(
        (m, d) => (m === undefined || d!.value > m ? d!.value : m),
        undefined,
      );
      const parts = [plural(entries.length, 'entry', 'entries'), `${deep} second- or third-order`];
      if (newest) parts.push(`newest ${newest}`);
      if (isLive(plan)) parts.push('plan is live');
      return parts.join('; ');
    }
    case 'counterparts': {
      const entries = plan.counterparts?.entries ?? [];
      const owner = (plan.ownerDepartment?.value ?? 'sales').trim().toLowerCase();
      // Why: the departments counterparts-cross-functional counts, and no other, so hover, summary and finding agree.
      const depts = countedDepartments(plan, ownDepartmentMatcher(options.sameDepartment), isPlaceholder).others;
      // Why: the same matching as counterpart-finance, with its configured names, so hover and diagnostics agree.
      const finance = entries.some((e) => isFinanceDepartment(e.department?.value ?? '', options.financeDepartments));
      const start = plan.start?.day;
      const late =
        start === undefined ? 0 : entries.filter((e) => e.since?.day !== undefined && e.since.day > start).length;
      const ownerName = SALES.test(owner) ? 'sales' : owner;
      return `${plural(entries.length, 'counterpart')}, ${plural(depts.length, 'department')} besides ${ownerName}; finance ${finance ? 'involved' : 'not involved'}; ${late} joined after the start`;
    }
    case 'metrics': {
      const entries = plan.metrics?.entries ?? [];
      const customer = entries.filter((e) => e.perspective?.value.toLowerCase() === 'customer').length;
      return `${plural(entries.length, 'metric')}, ${customer} from the customer's perspective`;
    }
    case 'journey': {
      const entries = plan.journey?.entries ?? [];
      const tied = (plan.metrics?.entries ?? []).filter((m) => m.moment !== undefined).length;
      return `${plural(entries.length, 'moment')} of truth; ${plural(tied, 'metric')} tied to a moment`;
    }
    case 'scaleUp':
      return `${plural(plan.scaleUp?.words ?? 0, 'word')} on scaling up`;
  }
}

/** The section's guidance and live summary as Markdown, for an editor hover or the CLI. */
export function sectionGuidanceMarkdown(plan: PlanModel, kind: SectionKind, options: GuidanceOptions = {}): string {
  const g = SECTION_GUIDANCE[kind];
  return `**${g.heading}**: ${g.asks}\n\n${g.why}\n\n_This plan:_ ${sectionSummary(plan, kind, options)}`;
}

/** The allowed values of `key` as Markdown. */
export function valueGuidanceMarkdown(key: ValueGuidanceKey): string {
  const g = VALUE_GUIDANCE[key];
  const rows = g.values.map((v) => `- \`${v.value}\`: ${v.meaning}`).join('\n');
  return `**${key}**: allowed values\n\n${rows}${g.note ? `\n\n${g.note}` : ''}`;
}
