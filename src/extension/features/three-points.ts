// The three points of a plan (customer, iterations, counterparts) at a glance, each marked by its worst finding, for
// the status bar's text and tooltip. Pure: no vscode import.
import { pointsOf, type Counts, type Point, type PointState, type Problem, type ThreePoints } from '../../api/index.js';

/** The mark of a point's state: ✓ no finding, ℹ notes (info) only, ⚠ a warning, ✗ an error. */
export const MARK: Readonly<Record<PointState, string>> = { pass: '✓', info: 'ℹ', warning: '⚠', error: '✗' };

/**
 * Each point's worst state and counts, and the other findings (config warnings among them): the api's one reckoning
 * (pointsOf), which the plans view and `report` read through the plan summary too.
 */
export function pointFindings(problems: readonly Problem[], configWarnings = 0): ThreePoints {
  return pointsOf(problems, configWarnings);
}

/** The three points at a glance for a status bar, each marked by its worst finding (see MARK). */
export function threePoints(problems: readonly Problem[], configWarnings = 0): string {
  const { points } = pointFindings(problems, configWarnings);
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
export function threePointsTooltip(
  problems: readonly Problem[],
  labels: Readonly<Record<Point, string>>,
  configWarnings = 0,
): string {
  const { points, other: rest } = pointFindings(problems, configWarnings);
  const other = rest.counts;
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
