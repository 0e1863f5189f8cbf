// journey-moments: the plan names a moment of truth on the customer's journey, and a customer metric measures one.
import { insertSection } from '../../core/edits.js';
import type { Metric } from '../../core/model.js';
import { defineRule } from '../../core/rule-api.js';
import type { Fix } from '../../core/types.js';
import { isPlaceholder } from '../../core/text.js';
import { addEntry, newEntry, sectionLines } from '../../core/writer.js';

const named = (v: { value: string } | undefined): boolean => v !== undefined && !isPlaceholder(v.value);

/** A metric that names its moment and is not labelled internal (a metric with no perspective is not known to be internal). */
const tiedToMoment = (m: Metric): boolean =>
  named(m.moment) && m.perspective?.value.trim().toLowerCase() !== 'internal';

export default defineRule({
  meta: {
    id: 'journey-moments',
    description:
      "asks a plan to name at least one moment of truth on the customer's journey (finding, accessing, using, getting support) and to tie a customer metric to one.",
    category: 'beyond',
    defaultSeverity: 'info',
    severityNote: 'warning in `strict`',
    fixable: 'safe',
    draft: 'todo',
    presets: { strict: 'warning' },
    messages: {
      missing:
        "The plan names no moment of truth on the customer's journey; add {{section}} naming where the customer meets us (finding, accessing, using or getting support), what they experience there today, and the target (such as a customer waiting in for a delivery that comes late), then tie a customer metric to it.",
      empty:
        'The customer journey names no moment of truth; add {{entry}}: where the customer meets us (finding, accessing, using or getting support), what they experience there today, and the target.',
      unread:
        'No moment of truth could be read from the customer journey; write each as a row of a Stage | Moment | Today | Target table, or as a bullet such as "- **Use**: the customer opens the delivery; today: ...; target: ...".',
      untied:
        'No customer metric names the moment of truth it measures; {{how}}, so the testbed measures what the customer experiences at that moment, such as the wait at the door for a delivery.',
    },
  },
  check(ctx) {
    const { doc, plan } = ctx;
    const yaml = doc.form === 'yaml';
    const journey = plan.journey;
    if (!journey) {
      ctx.report({
        messageId: 'missing',
        data: { section: yaml ? 'a `journey:` list' : 'a "Customer journey" section' },
        at: plan.titleAnchor,
        fix: (): Fix => ({
          title: 'Add a Customer journey section',
          edits: [insertSection(doc, 'journey', sectionLines(doc.form, 'journey', [newEntry('journey', '')]))],
        }),
      });
    } else if (!journey.entries.some((e) => named(e.moment))) {
      const empty = journey.entries.length === 0;
      const entry = yaml
        ? 'a list item with stage, moment, today and target'
        : 'a row of a Stage | Moment | Today | Target table, or a bullet such as "- **Use**: ..."';
      ctx.report({
        ...(empty && journey.unread
          ? { messageId: 'unread' as const }
          : { messageId: 'empty' as const, data: { entry } }),
        at: journey.anchor,
        // Why: only an empty section gets a scaffold; an entry whose moment is a placeholder is the writer's to fill.
        fix: empty
          ? () => {
              const edits = addEntry(doc, 'journey', journey, newEntry('journey', ''));
              return edits && { title: 'Add a moment of truth to the customer journey', edits };
            }
          : undefined,
      });
    }
    const metrics = plan.metrics;
    // Why: one finding at a time. Without a moment there is nothing to tie a metric to yet, and a plan with no
    // metrics at all is metric-outside-in's finding.
    if (!journey || !journey.entries.some((e) => named(e.moment))) return;
    if (!metrics || metrics.entries.length === 0 || metrics.entries.some(tiedToMoment)) return;
    const how = yaml
      ? 'add `moment:` to a customer metric, naming the moment of truth it measures'
      : metrics.style === 'table'
        ? tableHow(metrics.table?.columns.includes('moment') === true, metrics.entries)
        : 'add "moment: ..." to a customer metric\'s bullet, naming the moment of truth it measures';
    ctx.report({ messageId: 'untied', data: { how }, at: metrics.anchor });
  },
});

/**
 * What to do in a metrics table: add a Moment column only when it has none; when it has one, the cell is what is
 * missing, so name the first customer metric whose Moment cell is empty (or a placeholder).
 */
function tableHow(hasColumn: boolean, metrics: readonly Metric[]): string {
  if (!hasColumn)
    return 'add a Moment column to the metrics table and name, for a customer metric, the moment of truth it measures';
  const m = metrics.find((x) => x.perspective?.value.trim().toLowerCase() !== 'internal' && x.name && !named(x.moment));
  const which =
    m?.name && !isPlaceholder(m.name.value)
      ? `the Moment cell of "${m.name.value.trim()}"`
      : 'the Moment cell of a customer metric';
  return `fill in ${which} with the moment of truth it measures`;
}
