// The three points of a plan (customer, iterations, counterparts) at a glance, each marked by its worst finding, for
// the status bar's text and tooltip. Pure: no vscode import.
import { pointOf, worse, type Point, type PointState, type Problem } from '../../api/index.js';

/** The mark of a point's state: ✓ no finding, ℹ notes (info) only, ⚠ a warning, ✗ an error. */
export const MARK: Readonly<Record<PointState, string>> = { pass: '✓', info: 'ℹ', warning: '⚠', error: '✗' };

type Counts = { error: number; warning: number; info: number };

/** Each point's worst state and counts, and the counts of the other rules' findings. */
export function pointFindings(problems: readonly Problem[]): {
  points: Record<Point, { state: PointState; counts: Counts }>;
  other: Counts;
} {
  const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });
  const points: Record<Point, { state: PointState; counts: Counts }> = {
    customer: { state: 'pass', counts: zero() },
    iterations: { state: 'pass', counts: zero() },
    counterparts: { state: 'pass', counts: zero() },
  };
  const other = zero();
  for (const p of problems) {
    const point = pointOf(p.ruleId);
    if (!point) {
      other[p.severity]++;
      continue;
    }
    points[point].state = worse(points[point].state, p.severity);
    points[point].counts[p.severity]++;
  }
  return { points, other };
}

/** The three points at a glance for a status bar, each marked by its worst finding (see MARK). */
export function threePoints(problems: readonly Problem[]): string {
  const { points } = pointFindings(problems);
  return `Testbed: customer ${MARK[points.customer.state]} iterations ${MARK[points.iterations.state]} counterparts ${MARK[points.counterparts.state]}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "1 error, 2 warnings", or "no findings". */
export function countsText(c: Counts): string {
  const parts = [
    c.error ? plural(c.error, 'error', 'errors') : '',
    c.warning ? plural(c.warning, 'warning', 'warnings') : '',
    c.info ? plural(c.info, 'note', 'notes') : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

/** The status bar's tooltip (Markdown): each point with its mark and counts, the other findings, and the legend. */
export function threePointsTooltip(problems: readonly Problem[], labels: Readonly<Record<Point, string>>): string {
  const { points, other } = pointFindings(problems);
  const lines = ['**Testbed Lint: the three points of this plan**', ''];
  for (const point of ['customer', 'iterations', 'counterparts'] as const)
    lines.push(`${MARK[points[point].state]} ${labels[point]}: ${countsText(points[point].counts)}  `);
  if (other.error + other.warning + other.info > 0) lines.push(`Other findings: ${countsText(other)}  `);
  lines.push(
    '',
    `${MARK.pass} no findings · ${MARK.info} notes only · ${MARK.warning} warnings · ${MARK.error} errors. Click for this plan's findings, to go to one.`,
  );
  return lines.join('\n');
}
