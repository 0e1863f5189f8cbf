// The plans overview (`testbed-lint report`): one row per plan with its three points, iterations over time and counts.
import { POINTS, type PlanSummary, type PointState } from '../core/index.js';
import { displayPath } from './paths.js';

export interface ReportEntry {
  filePath: string;
  summary: PlanSummary;
}

export interface ReportContext {
  cwd: string;
  /** YYYY-MM-DD: the date the report is for. */
  today: string;
  version: string;
}

const MARK: Record<PointState, string> = { pass: '✓', info: 'ℹ', warning: '⚠', error: '✗' };
const WORDS: Record<PointState, string> = { pass: 'passes', info: 'notes only', warning: 'warnings', error: 'errors' };

const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Iterations per month over the 12 months up to `today`, oldest first. */
export function monthlyCounts(dates: readonly string[], today: string): number[] {
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const counts = new Array<number>(12).fill(0);
  for (const d of dates) {
    const [y, m] = d.split('-').map(Number) as [number, number];
    const back = (ty - y) * 12 + (tm - m);
    if (back >= 0 && back < 12) counts[11 - back]!++;
  }
  return counts;
}

const BARS = ' ▁▂▃▄▅▆▇█';

/** A sparkline of iterations per month for the last 12 months. */
export function sparkline(counts: readonly number[]): string {
  const max = Math.max(1, ...counts);
  return counts.map((c) => (c === 0 ? '·' : BARS[Math.max(1, Math.round((c / max) * 8))])).join('');
}

function lastCell(s: PlanSummary): string {
  return s.iterations.last ? `${s.iterations.last} (${s.iterations.daysSinceLast} d)` : '—';
}

function sortEntries(entries: readonly ReportEntry[], cwd: string): ReportEntry[] {
  return [...entries].sort((a, b) => (displayPath(a.filePath, cwd) < displayPath(b.filePath, cwd) ? -1 : 1));
}

/** A Markdown table, fit for a pull-request comment. */
export function reportMarkdown(entries: readonly ReportEntry[], ctx: ReportContext): string {
  const out = [
    `### Testbed plans (${entries.length}) — ${ctx.today}`,
    '',
    '| Plan | Status | Customer | Iterations | Counterparts | Last iteration | Last 12 months | Entries · counterparts · metrics | Problems |',
    '|---|---|:-:|:-:|:-:|---|---|---|---|',
  ];
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  for (const { filePath, summary: s } of sortEntries(entries, ctx.cwd)) {
    const path = displayPath(filePath, ctx.cwd);
    out.push(
      `| **${esc(s.title)}**<br>\`${esc(path)}\` | ${s.status} | ${MARK[s.points.customer]} | ${MARK[s.points.iterations]} | ${MARK[s.points.counterparts]} | ${lastCell(s)} | \`${sparkline(monthlyCounts(s.iterations.dates, ctx.today))}\` | ${s.iterations.count} · ${s.counterparts.count} · ${s.metrics.count} | ${s.problems.error} errors, ${s.problems.warning} warnings |`,
    );
  }
  out.push('', `✓ passes · ⚠ warnings · ✗ errors · ℹ notes only. Made by testbed-lint ${ctx.version}.`, '');
  return out.join('\n');
}

const escHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An inline SVG timeline: the plan's start to today, a tick per iteration (second/third-order ones are not known here). */
function timeline(s: PlanSummary, today: string): string {
  const end = dayOf(today);
  const first = s.start ?? s.iterations.dates[0];
  if (!first) return '<span class="none">no entries</span>';
  const start = Math.min(dayOf(first), ...s.iterations.dates.map(dayOf));
  const span = Math.max(1, end - start);
  const x = (d: string) => (((dayOf(d) - start) / span) * 196 + 2).toFixed(1);
  const ticks = s.iterations.dates.filter((d) => dayOf(d) <= end).map((d) => `<line x1="${x(d)}" x2="${x(d)}" y1="3" y2="15"><title>${d}</title></line>`);
  return `<svg class="timeline" width="200" height="18" viewBox="0 0 200 18" role="img" aria-label="${s.iterations.dates.length} iterations between ${escHtml(first)} and ${today}"><rect x="0" y="8" width="200" height="2" rx="1"/>${ticks.join('')}</svg>`;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1f2328;background:#fff}
h1{font-size:1.4rem;margin:0 0 .25rem}p.meta{color:#59636e;margin:0 0 1.25rem}
table{border-collapse:collapse;width:100%}th,td{padding:.45rem .6rem;border-bottom:1px solid #d1d9e0;text-align:left;vertical-align:middle}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:#59636e}
td.point{text-align:center;font-size:1.1rem}td.nowrap{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#1a7f37}.warning{color:#9a6700}.error{color:#cf222e}.info{color:#0969da}
.path{color:#59636e;font-size:.8rem;font-family:ui-monospace,monospace}.status{font-size:.8rem;padding:.1rem .45rem;border-radius:1rem;background:#eef1f4}
svg.timeline rect{fill:#d1d9e0}svg.timeline line{stroke:#0969da;stroke-width:2}.none{color:#59636e}
ul.legend{list-style:none;padding:0;display:flex;gap:1.2rem;color:#59636e;font-size:.85rem}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}th,p.meta,.path,.none,ul.legend{color:#9198a1}th,td{border-color:#30363d}.status{background:#21262d}svg.timeline rect{fill:#30363d}}
`;

/** A self-contained HTML page: inline CSS and SVG, no scripts, no network. */
export function reportHtml(entries: readonly ReportEntry[], ctx: ReportContext): string {
  const rows = sortEntries(entries, ctx.cwd).map(({ filePath, summary: s }) => {
    const point = (p: PointState, label: string) => `<td class="point ${p}" title="${label}: ${WORDS[p]}" aria-label="${label}: ${WORDS[p]}">${MARK[p]}</td>`;
    return [
      '<tr>',
      `<td><strong>${escHtml(s.title)}</strong><br><span class="path">${escHtml(displayPath(filePath, ctx.cwd))}</span></td>`,
      `<td><span class="status">${s.status}</span></td>`,
      point(s.points.customer, POINTS[0]!.label),
      point(s.points.iterations, POINTS[1]!.label),
      point(s.points.counterparts, POINTS[2]!.label),
      `<td class="nowrap">${escHtml(lastCell(s))}</td>`,
      `<td>${timeline(s, ctx.today)}</td>`,
      `<td class="num" title="iteration entries · counterparts · metrics">${s.iterations.count} · ${s.counterparts.count} · ${s.metrics.count}</td>`,
      `<td class="num"><span class="error">${s.problems.error}</span> / <span class="warning">${s.problems.warning}</span></td>`,
      '</tr>',
    ].join('');
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Testbed plans — ${ctx.today}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Testbed plans</h1>
<p class="meta">${entries.length} plan${entries.length === 1 ? '' : 's'} on ${ctx.today} · testbed-lint ${escHtml(ctx.version)}</p>
<table>
<thead><tr><th>Plan</th><th>Status</th><th title="${POINTS[0]!.label}">Customer</th><th title="${POINTS[1]!.label}">Iterations</th><th title="${POINTS[2]!.label}">Counterparts</th><th>Last iteration</th><th>Iterations over time</th><th>Entries · counterparts · metrics</th><th>Errors / warnings</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<ul class="legend"><li class="pass">✓ passes</li><li class="warning">⚠ warnings</li><li class="error">✗ errors</li><li class="info">ℹ notes only</li></ul>
</body>
</html>
`;
}
