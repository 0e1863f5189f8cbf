// The plans overview (`testbed-lint report`) for a review meeting: one row per plan with its three points,
// its iterations on a time axis shared by every row, its counts, and its findings linked to the plan's
// line and the rule's page.
import { formatDay, maxOf, minOf, POINTS, type PlanSummary, type PointState, type Problem } from '../api/index.js';
import { escapeControls } from './escape.js';
import { displayPath } from './paths.js';

export interface ReportEntry {
  filePath: string;
  summary: PlanSummary;
  /** The plan's findings, in any order (the report sorts them by line). */
  problems: readonly Problem[];
}

export interface ReportContext {
  cwd: string;
  /** YYYY-MM-DD: the date the report is for. */
  today: string;
  version: string;
  /**
   * Put before a plan's path (relative to `cwd`, forward slashes) to link to it: `''` when the report sits
   * in `cwd`, `../` when it is written one folder down, or `https://github.com/o/r/blob/<sha>/`. Default `''`.
   */
  linkBase?: string;
}

const MARK: Record<PointState, string> = { pass: '✓', info: 'ℹ', warning: '⚠', error: '✗' };
const WORDS: Record<PointState, string> = { pass: 'passes', info: 'notes only', warning: 'warnings', error: 'errors' };
const SEVERITY_MARK = { error: '✗', warning: '⚠', info: 'ℹ' } as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Why: core's one plural helper is being written elsewhere; until it is exported, the formatters keep theirs.
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** "1 error, 2 warnings", with ", 1 info" only when there are infos. */
export function countsText(p: PlanSummary['problems']): string {
  return [
    plural(p.error, 'error'),
    plural(p.warning, 'warning'),
    ...(p.info > 0 ? [plural(p.info, 'info', 'infos')] : []),
  ].join(', ');
}

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
  const max = maxOf(counts, 1);
  return counts.map((c) => (c === 0 ? '·' : BARS[Math.max(1, Math.round((c / max) * 8))])).join('');
}

/** "Dec 2025 – Nov 2026": the months the sparklines cover. */
function lastTwelveMonths(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const from = y * 12 + (m - 1) - 11;
  return `${MONTHS[from % 12]} ${Math.floor(from / 12)} – ${MONTHS[m - 1]} ${y}`;
}

function lastCell(s: PlanSummary): string {
  return s.iterations.last ? `${s.iterations.last} (${s.iterations.daysSinceLast} d)` : '—';
}

function sortEntries(entries: readonly ReportEntry[], cwd: string): ReportEntry[] {
  return [...entries].sort((a, b) => (displayPath(a.filePath, cwd) < displayPath(b.filePath, cwd) ? -1 : 1));
}

const byPosition = (a: Problem, b: Problem) =>
  a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

/** The link to a plan's line, or undefined for stdin. */
function planHref(filePath: string, line: number | undefined, ctx: ReportContext): string | undefined {
  const path = displayPath(filePath, ctx.cwd);
  if (filePath === '<stdin>') return undefined;
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${ctx.linkBase ?? ''}${encoded}${line !== undefined ? `#L${line}` : ''}`;
}

/** Text in a Markdown table cell: no pipes, no new lines, no HTML. */
const escMd = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
/** Text in a code span inside a table cell (entities would show literally there). */
const escCode = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n`]+/g, ' ');
const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
const mdLink = (text: string, href: string | undefined) =>
  href === undefined ? text : `[${text}](${href.replace(/[()<>\s]/g, hex)})`;

/** Markdown for a pull-request comment or a job summary: the table, then each plan's findings. */
export function reportMarkdown(entries: readonly ReportEntry[], ctx: ReportContext): string {
  const sorted = sortEntries(entries, ctx.cwd);
  const out = [
    `### Testbed plans (${entries.length}) — ${ctx.today}`,
    '',
    `| Plan | Status | Customer | Iterations | Counterparts | Last iteration | Iterations per month, ${lastTwelveMonths(ctx.today)} | Entries · counterparts · metrics | Problems |`,
    '|---|---|:-:|:-:|:-:|---|---|---|---|',
  ];
  for (const { filePath, summary: s } of sorted) {
    const path = displayPath(filePath, ctx.cwd);
    out.push(
      `| **${escMd(s.title)}**<br>${mdLink(`\`${escCode(path)}\``, planHref(filePath, undefined, ctx))} | ${s.status} | ${MARK[s.points.customer]} | ${MARK[s.points.iterations]} | ${MARK[s.points.counterparts]} | ${lastCell(s)} | \`${sparkline(monthlyCounts(s.iterations.dates, ctx.today))}\` | ${s.iterations.count} · ${s.counterparts.count} · ${s.metrics.count} | ${countsText(s.problems)} |`,
    );
  }
  out.push('', '✓ passes · ℹ notes only · ⚠ warnings · ✗ errors.');
  for (const { filePath, summary: s, problems } of sorted) {
    if (problems.length === 0) continue;
    const path = displayPath(filePath, ctx.cwd);
    out.push(
      '',
      '<details open>',
      `<summary><b>${escHtml(s.title)}</b> — <code>${escHtml(path)}</code>: ${countsText(s.problems)}</summary>`,
      '',
    );
    out.push('| Line | | Rule | Finding |', '|--:|:-:|---|---|');
    for (const p of [...problems].sort(byPosition)) {
      out.push(
        `| ${mdLink(String(p.line), planHref(filePath, p.line, ctx))} | ${SEVERITY_MARK[p.severity]} ${p.severity} | ${mdLink(`\`${p.ruleId}\``, p.docsUrl || undefined)} | ${escMd(p.message)} |`,
      );
    }
    out.push('', '</details>');
  }
  out.push('', `Made by testbed-lint ${ctx.version}.`, '');
  // Why: a plan's title or a value quoted in a message may hold an ESC; the report shows it, never passes it on.
  return escapeControls(out.join('\n'), '\t\n');
}

const escHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The time axis every row shares: from the first month any plan starts (or logs an iteration) to today. */
export interface TimeAxis {
  start: number;
  end: number;
  /** The first day of each month on the axis, with its label (empty when skipped for room). */
  months: { day: number; label: string }[];
}

const AXIS_WIDTH = 280;
const PAD = 6;

/** One axis for all rows, so timelines can be compared; undefined when no plan has a date. */
export function timeAxis(summaries: readonly PlanSummary[], today: string): TimeAxis | undefined {
  const end = dayOf(today);
  const days = summaries
    .flatMap((s) => [...(s.start ? [s.start] : []), ...s.iterations.dates])
    .map(dayOf)
    .filter((d) => d <= end);
  if (days.length === 0) return undefined;
  const first = formatDay(minOf(days));
  let [y, m] = first.split('-').map(Number) as [number, number];
  const start = dayOf(`${first.slice(0, 7)}-01`);
  const months: TimeAxis['months'] = [];
  for (;;) {
    const iso = `${y}-${String(m).padStart(2, '0')}-01`;
    if (dayOf(iso) > end) break;
    months.push({ day: dayOf(iso), label: '' });
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  // Why: a label needs about 34 px; a long span labels every 2nd, 3rd, 6th or 12th month (always January,
  // shown as its year); the first month is labelled with its year when there is room before the next label.
  const step = [1, 2, 3, 6, 12].find((k) => (months.length / k) * 34 <= AXIS_WIDTH - 2 * PAD) ?? 12;
  const perMonth = (AXIS_WIDTH - 2 * PAD) / Math.max(1, (end - start) / 30.44);
  months.forEach((mo, i) => {
    const [yy, mm] = formatDay(mo.day).split('-').map(Number) as [number, number];
    if ((mm - 1) % step === 0) mo.label = mm === 1 ? String(yy) : MONTHS[mm - 1]!;
    else if (i === 0 && (step - ((mm - 1) % step)) * perMonth >= 56) mo.label = `${MONTHS[mm - 1]} ${yy}`;
  });
  return { start, end: Math.max(end, start + 1), months };
}

const xOf = (axis: TimeAxis, day: number) =>
  (PAD + ((day - axis.start) / (axis.end - axis.start)) * (AXIS_WIDTH - 2 * PAD)).toFixed(1);

function axisHeader(axis: TimeAxis | undefined): string {
  if (!axis) return 'Iterations over time';
  const ticks = axis.months.map((mo) => {
    const x = xOf(axis, mo.day);
    const text = mo.label
      ? `<text x="${(Number(x) + 2).toFixed(1)}" y="11"${/^\d/.test(mo.label) ? ' class="year"' : ''}>${mo.label}</text>`
      : '';
    return `<line x1="${x}" x2="${x}" y1="${mo.label ? 2 : 15}" y2="22"/>${text}`;
  });
  return `<svg class="axis" width="${AXIS_WIDTH}" height="22" viewBox="0 0 ${AXIS_WIDTH} 22" role="img" aria-label="months from ${formatDay(axis.start)} to ${formatDay(axis.end)}">${ticks.join('')}</svg>`;
}

/** A row's timeline on the shared axis: month lines, a band from the plan's start to today, a tick per iteration. */
function timeline(s: PlanSummary, axis: TimeAxis | undefined): string {
  if (!axis || (!s.start && s.iterations.dates.length === 0)) return '<span class="none">no dates</span>';
  const grid = axis.months.map(
    (mo) => `<line class="month" x1="${xOf(axis, mo.day)}" x2="${xOf(axis, mo.day)}" y1="0" y2="18"/>`,
  );
  const from = s.start && dayOf(s.start) <= axis.end ? dayOf(s.start) : undefined;
  const band =
    from !== undefined
      ? `<rect class="life" x="${xOf(axis, from)}" y="7" width="${(Number(xOf(axis, axis.end)) - Number(xOf(axis, from))).toFixed(1)}" height="4" rx="2"><title>started ${s.start}</title></rect>`
      : '';
  const shown = s.iterations.dates.filter((d) => dayOf(d) <= axis.end);
  const ticks = shown.map(
    (d) =>
      `<line class="it" x1="${xOf(axis, dayOf(d))}" x2="${xOf(axis, dayOf(d))}" y1="2" y2="16"><title>${d}</title></line>`,
  );
  const label = `${plural(shown.length, 'iteration')}${s.start ? ` since ${s.start}` : ''}`;
  return `<svg class="timeline" width="${AXIS_WIDTH}" height="18" viewBox="0 0 ${AXIS_WIDTH} 18" role="img" aria-label="${escHtml(label)}"><rect class="base" x="${PAD}" y="8" width="${AXIS_WIDTH - 2 * PAD}" height="2"/>${grid.join('')}${band}${ticks.join('')}</svg>`;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1f2328;background:#fff}
h1{font-size:1.4rem;margin:0 0 .25rem}p.meta{color:#59636e;margin:0 0 1.25rem}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
table.plans{border-collapse:collapse;width:100%}table.plans>*>tr>th,table.plans>*>tr>td{padding:.45rem .6rem;border-bottom:1px solid #d1d9e0;text-align:left;vertical-align:middle}
th{font-size:.75rem;text-transform:uppercase;letter-spacing:.02em;color:#59636e;font-weight:600}
td.point{text-align:center;font-size:1.1rem}td.nowrap{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.pass{color:#1a7f37}.warning{color:#9a6700}.error{color:#cf222e}.info{color:#0969da}.zero{color:#818b98}
.path{font-size:.8rem;font-family:ui-monospace,monospace}.status{font-size:.8rem;padding:.1rem .45rem;border-radius:1rem;background:#eef1f4;white-space:nowrap}
svg.axis text{font-size:10px;fill:#59636e;text-transform:none;letter-spacing:0}svg.axis text.year{font-weight:700}svg.axis line{stroke:#818b98}
svg.timeline rect.base{fill:#eef1f4}svg.timeline line.month{stroke:#d1d9e0;stroke-width:1}svg.timeline rect.life{fill:#b6d7f5}svg.timeline line.it{stroke:#0550ae;stroke-width:2}.none,.last{color:#59636e;font-size:.8rem}
tr.findings>td{padding:.1rem .6rem .7rem 1.6rem;background:#f6f8fa}
details>summary{cursor:pointer;color:#59636e;font-size:.85rem;padding:.3rem 0}
table.found{border-collapse:collapse;font-size:.85rem}table.found td{padding:.15rem .5rem;border:0;vertical-align:top}
table.found code{font-size:.8rem;background:#eef1f4;padding:0 .2rem;border-radius:3px}table.found td.line{text-align:left;font-variant-numeric:tabular-nums;white-space:nowrap}table.found td.rule{white-space:nowrap;font-family:ui-monospace,monospace;font-size:.8rem}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1.2rem;color:#59636e;font-size:.85rem}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}a{color:#4493f8}th,p.meta,.none,.last,ul.legend,details>summary{color:#9198a1}table.plans>*>tr>th,table.plans>*>tr>td{border-color:#30363d}.status{background:#21262d}tr.findings>td{background:#161b22}table.found code{background:#21262d}svg.timeline rect.base{fill:#21262d}svg.timeline line.month{stroke:#30363d}svg.timeline rect.life{fill:#1f3a5f}svg.timeline line.it{stroke:#4493f8}svg.axis text{fill:#9198a1}.pass{color:#3fb950}.warning{color:#d29922}.error{color:#f85149}.info{color:#4493f8}.zero{color:#656c76}}
`;

const COLUMNS = 8;

/** A count, coloured by its severity only when it is not zero. */
const countHtml = (n: number, word: string, cls: string, many?: string) =>
  `<span class="${n > 0 ? cls : 'zero'}">${plural(n, word, many)}</span>`;

/** A message's `code` spans as <code>, the rest as text. */
const messageHtml = (m: string) => escHtml(m).replace(/`([^`]+)`/g, '<code>$1</code>');

function findingsRow(filePath: string, problems: readonly Problem[], ctx: ReportContext): string {
  if (problems.length === 0) return '';
  const rows = [...problems].sort(byPosition).map((p) => {
    const href = planHref(filePath, p.line, ctx);
    const line = href !== undefined ? `<a href="${escHtml(href)}">line ${p.line}</a>` : `line ${p.line}`;
    const rule = p.docsUrl ? `<a href="${escHtml(p.docsUrl)}">${escHtml(p.ruleId)}</a>` : escHtml(p.ruleId);
    return `<tr><td class="line">${line}</td><td class="${p.severity}" title="${p.severity}">${SEVERITY_MARK[p.severity]}</td><td class="rule">${rule}</td><td>${messageHtml(p.message)}</td></tr>`;
  });
  return `<tr class="findings"><td colspan="${COLUMNS}"><details open><summary>${plural(problems.length, 'finding')}</summary><table class="found">${rows.join('')}</table></details></td></tr>`;
}

/** A self-contained HTML page: inline CSS and SVG, no scripts, nothing loaded from the network. */
export function reportHtml(entries: readonly ReportEntry[], ctx: ReportContext): string {
  const sorted = sortEntries(entries, ctx.cwd);
  const axis = timeAxis(
    sorted.map((e) => e.summary),
    ctx.today,
  );
  const rows = sorted.map(({ filePath, summary: s, problems }) => {
    const point = (p: PointState, label: string) =>
      `<td class="point ${p}" title="${label}: ${WORDS[p]}" aria-label="${label}: ${WORDS[p]}">${MARK[p]}</td>`;
    const path = displayPath(filePath, ctx.cwd);
    const href = planHref(filePath, undefined, ctx);
    const pathHtml =
      href !== undefined
        ? `<a class="path" href="${escHtml(href)}">${escHtml(path)}</a>`
        : `<span class="path">${escHtml(path)}</span>`;
    return [
      '<tr class="plan">',
      `<td><strong>${escHtml(s.title)}</strong><br>${pathHtml}</td>`,
      `<td><span class="status">${s.status}</span></td>`,
      point(s.points.customer, POINTS[0]!.label),
      point(s.points.iterations, POINTS[1]!.label),
      point(s.points.counterparts, POINTS[2]!.label),
      `<td>${timeline(s, axis)}<br><span class="last">${s.iterations.last ? `last ${s.iterations.last}, ${plural(s.iterations.daysSinceLast ?? 0, 'day')} ago` : 'no iteration yet'}</span></td>`,
      `<td class="num" title="iteration entries · counterparts · metrics">${s.iterations.count} · ${s.counterparts.count} · ${s.metrics.count}</td>`,
      `<td class="num">${countHtml(s.problems.error, 'error', 'error')}<br>${countHtml(s.problems.warning, 'warning', 'warning')}${s.problems.info > 0 ? `<br>${countHtml(s.problems.info, 'info', 'info', 'infos')}` : ''}</td>`,
      '</tr>',
      findingsRow(filePath, problems, ctx),
    ].join('');
  });
  return escapeControls(
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Testbed plans — ${ctx.today}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Testbed plans</h1>
<p class="meta">${plural(entries.length, 'plan')} on ${ctx.today} · testbed-lint ${escHtml(ctx.version)}</p>
<table class="plans">
<thead><tr><th>Plan</th><th>Status</th><th title="${POINTS[0]!.label}">Customer</th><th title="${POINTS[1]!.label}">Iterations</th><th title="${POINTS[2]!.label}">Counterparts</th><th>${axisHeader(axis)}</th><th>Entries · counterparts · metrics</th><th>Problems</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<ul class="legend"><li class="pass">✓ passes</li><li class="info">ℹ notes only</li><li class="warning">⚠ warnings</li><li class="error">✗ errors</li><li>Timelines share one axis: <svg width="14" height="10" aria-hidden="true"><rect x="0" y="3" width="14" height="4" rx="2" fill="#b6d7f5"/></svg> since the plan's start, <svg width="6" height="12" aria-hidden="true"><line x1="3" x2="3" y1="0" y2="12" stroke="#0550ae" stroke-width="2"/></svg> an iteration entry</li></ul>
</body>
</html>
`,
    '\t\n',
  );
}
