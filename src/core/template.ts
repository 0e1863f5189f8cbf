// A new plan, in either form, modelled on the spec's minimal example, with plain-word prompts to fill in.
import { parseIsoDate } from './dates.js';

export interface PlanTemplateOptions {
  /** The plan's title. */
  title: string;
  /** Today as YYYY-MM-DD: the plan's start date; the review is planned a year later. */
  today: string;
}

/**
 * The text of a new plan. Prompts are comments (HTML comments in Markdown, `#` comments in YAML), so
 * the linter never counts them as content; placeholders such as `TBD` are reported until filled in.
 */
export function planTemplate(form: 'markdown' | 'yaml', options: PlanTemplateOptions): string {
  if (parseIsoDate(options.today) === undefined) throw new RangeError(`today must be a date as YYYY-MM-DD, got "${options.today}"`);
  const title = options.title.trim() || 'New testbed plan';
  const start = options.today;
  const review = aYearLater(start);
  const front = [
    'kind: testbed-plan',
    `title: ${yamlText(title)}`,
    'owner: TBD # who runs the testbed day to day',
    'owner-department: TBD # your department, e.g. sales or customer service',
    'status: draft # draft, proposed, running, scaling or closed',
    `start: ${start}`,
    `review: ${review} # a testbed needs a year or so before the important findings show`,
    '# What the testbed aims at for the customer: any of customer-profitability, business-processes, strategic-positioning.',
    'aims: [business-processes]',
    '# One customer. A small, new account with processes still to be designed and an eager champion fits best;',
    '# avoid premier accounts, which raise a red flag for the sales group.',
    'customer:',
    '  name: TBD # the customer\'s name',
    '  tier: standard # not premier, key or strategic',
    '  size: small # small, medium or large',
    '  new-processes: true # are their processes still to be designed?',
    '  champion: TBD # the person on their side eager to innovate, e.g. "Dr. Lee, CEO"',
  ];
  if (form === 'yaml') return yamlPlan(front, start);
  return [
    '---',
    ...front,
    '---',
    '',
    `# ${title.replace(/\r?\n/g, ' ')}`,
    '',
    '## Customer selection',
    '',
    '<!-- Why this customer? In at least 30 words: is it small or low-risk, are its processes new, who is the',
    '     champion eager to innovate? Lines between these comment marks are prompts: replace or delete them. -->',
    '',
    '## Iteration log',
    '',
    '<!-- One entry per change, as it happens. The most important findings come after months of running:',
    '     record second- and third-order changes too. Copy this shape:',
    '',
    `### ${start} — Short title of the change`,
    '- Change: what we changed',
    '- Feedback: what the customer said or experienced that prompted it',
    '- Source: customer',
    '- Order: first',
    '-->',
    '',
    '## Counterparts',
    '',
    '<!-- The departments involved from the start (finance, IT, logistics, supply chain, sales ...), and what',
    '     each gains directly. A department that sees no benefit for itself can stop the testbed. -->',
    '',
    '| Department | Contact | Since | Benefit |',
    '|---|---|---|---|',
    '',
    '## Metrics',
    '',
    '<!-- Measure what the customer experiences, not internal figures such as fill rate; customers judge by',
    '     their worst experiences, so track the worst case or the 95th percentile, not only an average. -->',
    '',
    '| Metric | Perspective | Aggregate |',
    '|---|---|---|',
    '',
    '## Scale-up',
    '',
    '<!-- Once the testbed has proven itself: how will planning, resource allocation and compensation change',
    '     so the innovation can scale beyond this one customer? -->',
    '',
  ].join('\n');
}

function yamlPlan(front: string[], start: string): string {
  return [
    ...front,
    '',
    'selection:',
    '  # Why this customer? In at least 30 words: is it small or low-risk, are its processes new, who is the champion?',
    '  rationale: TBD',
    '',
    '# One entry per change, as it happens. The most important findings come after months of running:',
    '# record second- and third-order changes too. Each entry looks like this:',
    `#   - date: ${start}`,
    '#     change: what we changed',
    '#     feedback: what the customer said or experienced that prompted it',
    '#     source: customer # customer or internal',
    '#     order: first # first, second or third',
    'iterations: []',
    '',
    '# The departments involved from the start (finance, IT, logistics, supply chain, sales ...), and what each',
    '# gains directly. A department that sees no benefit for itself can stop the testbed. Each entry:',
    '#   - department: finance',
    '#     contact: the controller',
    `#     since: ${start}`,
    '#     benefit: cost-to-serve data for the account',
    'counterparts: []',
    '',
    '# Measure what the customer experiences, not internal figures such as fill rate; customers judge by their',
    '# worst experiences, so track the worst case or the 95th percentile, not only an average. Each entry:',
    '#   - name: ward stock-outs per month',
    '#     perspective: customer # customer or internal',
    '#     aggregate: worst # worst, p95, average, total ...',
    'metrics: []',
    '',
    '# Once proven: how will planning, resource allocation and compensation change so the innovation can scale?',
    'scale-up: TBD',
    '',
  ].join('\n');
}

/** The same day a year later (29 February becomes 28 February). */
function aYearLater(day: string): string {
  const [y, m, d] = day.split('-') as [string, string, string];
  const next = `${String(Number(y) + 1).padStart(4, '0')}-${m}-${d}`;
  return parseIsoDate(next) === undefined ? `${String(Number(y) + 1).padStart(4, '0')}-${m}-28` : next;
}

/** A YAML scalar for text: plain when safe, else double-quoted (JSON strings are valid YAML). */
function yamlText(text: string): string {
  const t = text.replace(/\r?\n/g, ' ');
  return /^[\p{L}\p{N}][\p{L}\p{N} .,'()&/+-]*$/u.test(t) && !/ #|: /.test(t) ? t : JSON.stringify(t);
}
