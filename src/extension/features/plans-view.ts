// The "Testbed plans" view in the Explorer: every plan in the workspace with its status, the three points and counts.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { POINTS, isPlan, type PlanSummary, type Point, type PointState } from '../../api/index.js';
import { today } from './commands.js';
import type { Linter } from '../lint/controller.js';

export const PLANS_VIEW_ID = 'testbedLint.plans';
export const REFRESH_COMMAND = 'testbedLint.refreshPlans';
const PLAN_GLOB = '**/*.{md,markdown,yaml,yml}';
const EXCLUDE_GLOB = '**/node_modules/**';

/** One plan as the view shows it; also what the extension's API returns for tests. */
export interface PlanEntry {
  uri: vscode.Uri;
  /** Relative to the workspace. */
  path: string;
  summary: PlanSummary;
}

/** Lints a file's text as the editor does (same config) and summarises it as of `today`; undefined when it is not linted. */
export type SummarizeFile = (uri: vscode.Uri, text: string, today: string) => Promise<PlanSummary | undefined>;

/** The status groups, live plans first. */
const STATUS_ORDER = ['running', 'scaling', 'proposed', 'draft', 'closed'];
/** Worst first. */
const STATE_ORDER: PointState[] = ['error', 'warning', 'info', 'pass'];

type Node =
  | { kind: 'group'; status: string; plans: PlanEntry[] }
  | { kind: 'plan'; plan: PlanEntry; repeated: string | undefined }
  | { kind: 'point'; plan: PlanEntry; point: Point; label: string }
  | { kind: 'detail'; text: string; tooltip?: string };

const ICON: Record<PointState, [string, string]> = {
  pass: ['pass', 'testing.iconPassed'],
  info: ['info', 'list.highlightForeground'],
  warning: ['warning', 'list.warningForeground'],
  error: ['error', 'list.errorForeground'],
};
const STATE_WORDS: Record<PointState, () => string> = {
  pass: () => vscode.l10n.t('passes'),
  info: () => vscode.l10n.t('notes only'),
  warning: () => vscode.l10n.t('warnings'),
  error: () => vscode.l10n.t('errors'),
};
/** The three points' labels, translatable. */
const POINT_LABEL: Record<Point, () => string> = {
  customer: () => vscode.l10n.t('Choose the customer carefully'),
  iterations: () => vscode.l10n.t('Make changes as you go'),
  counterparts: () => vscode.l10n.t('Involve counterparts early'),
};

export function worst(s: PlanSummary): PointState {
  const order: PointState[] = ['error', 'warning', 'info'];
  const states = [s.points.customer, s.points.iterations, s.points.counterparts, s.other];
  return order.find((o) => states.includes(o)) ?? 'pass';
}

export class PlansView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private plans: Promise<PlanEntry[]> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the list of plans was read again. */
  readonly onDidRefresh = this.changed.event;

  /**
   * Each plan's entry from the last read, by URI, with the document version (open) or file time and size (on disk)
   * and the day it was read for. Why: the view is read again after every lint; re-reading, decoding and sending an
   * unchanged 5 MB plan to the worker each time kept the extension host's thread busy while the user typed elsewhere.
   */
  private known = new Map<string, { stamp: string; day: string; entry: PlanEntry | undefined }>();
  /** Bumped when the cache is cleared: a read started before does not put its entries back. */
  private epoch = 0;

  constructor(private readonly summarizeFile: SummarizeFile) {}

  dispose(): void {
    clearTimeout(this.timer);
    this.emitter.dispose();
    this.changed.dispose();
  }

  /**
   * Reads the plans again soon (changes come in bursts: a save, a checkout). `invalidate`: every plan is summarised
   * again, not only the changed ones (settings or a config file changed what the rules say).
   */
  refresh(delay = 300, invalidate = false): void {
    if (invalidate) {
      // A read already under way was made with the old settings: it neither fills the cache nor counts as the refresh.
      this.known.clear();
      this.epoch++;
      this.plans = undefined;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.plans = undefined;
      this.emitter.fire(undefined);
      const read = this.list();
      // Why: only the latest read tells listeners the view is up to date; an older one may end after it started.
      void read.then(() => {
        if (this.plans === read) this.changed.fire();
      });
    }, delay);
  }

  /** Every plan in the workspace, worst state first, then by title and path. */
  list(): Promise<PlanEntry[]> {
    this.plans ??= this.load();
    return this.plans;
  }

  private async load(): Promise<PlanEntry[]> {
    const files = await vscode.workspace.findFiles(PLAN_GLOB, EXCLUDE_GLOB);
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d] as const));
    const decoder = new TextDecoder('utf-8');
    const out: PlanEntry[] = [];
    const known = new Map<string, { stamp: string; day: string; entry: PlanEntry | undefined }>();
    const epoch = this.epoch;
    for (const uri of files) {
      try {
        const key = uri.toString();
        const doc = open.get(key);
        const day = today();
        let stamp: string;
        if (doc) stamp = `version ${doc.version}`;
        else {
          const st = await vscode.workspace.fs.stat(uri);
          stamp = `file ${st.mtime} ${st.size}`;
        }
        const last = this.known.get(key);
        if (last && last.stamp === stamp && last.day === day) {
          known.set(key, last);
          if (last.entry) out.push(last.entry);
          continue;
        }
        // An open document's text may be ahead of the file on disk.
        const text = doc?.getText() ?? decoder.decode(await vscode.workspace.fs.readFile(uri));
        const path = vscode.workspace.asRelativePath(uri);
        let entry: PlanEntry | undefined;
        if (isPlan(uri.path, text)) {
          // Why: with the plan's own config (finance names, same-department) so the view agrees with the diagnostics.
          const summary = await this.summarizeFile(uri, text, day);
          if (summary) entry = { uri, path, summary };
        }
        known.set(key, { stamp, day, entry });
        if (entry) out.push(entry);
      } catch {
        // Empty: an unreadable file (or one no lint worker answered for) is not listed, and not remembered: the
        // next refresh reads it again. The lint-all command reports unreadable files.
      }
    }
    if (epoch === this.epoch) this.known = known;
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return out.sort(
      (a, b) =>
        STATE_ORDER.indexOf(worst(a.summary)) - STATE_ORDER.indexOf(worst(b.summary)) ||
        a.summary.title.localeCompare(b.summary.title) ||
        cmp(a.path, b.path),
    );
  }

  /** The tree's top level: one group per status (live plans first), each with its plans worst first. */
  async groups(): Promise<Node[]> {
    const plans = await this.list();
    const byStatus = new Map<string, PlanEntry[]>();
    for (const p of plans) byStatus.set(p.summary.status, [...(byStatus.get(p.summary.status) ?? []), p]);
    const rank = (s: string) => (STATUS_ORDER.includes(s) ? STATUS_ORDER.indexOf(s) : STATUS_ORDER.length);
    return [...byStatus.entries()]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([status, list]) => ({ kind: 'group', status, plans: list }));
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.groups();
    if (node.kind === 'group') {
      const all = await this.list();
      const same = (title: string) =>
        all.filter((p) => p.summary.title.trim().toLowerCase() === title.trim().toLowerCase());
      const base = (p: PlanEntry) => p.path.split('/').pop() ?? p.path;
      // Where titles repeat, the file name tells the plans apart; where file names repeat too, the path does.
      const suffix = (plan: PlanEntry): string | undefined => {
        const twins = same(plan.summary.title);
        if (twins.length < 2) return undefined;
        return twins.filter((p) => base(p) === base(plan)).length > 1 ? plan.path : base(plan);
      };
      return node.plans.map((plan) => ({ kind: 'plan', plan, repeated: suffix(plan) }));
    }
    if (node.kind !== 'plan') return [];
    const s = node.plan.summary;
    const it = s.iterations;
    return [
      ...POINTS.map(({ point }): Node => ({ kind: 'point', plan: node.plan, point, label: POINT_LABEL[point]() })),
      {
        kind: 'detail',
        text: it.last
          ? vscode.l10n.t('Last iteration {0} ({1} days ago)', it.last, it.daysSinceLast ?? 0)
          : vscode.l10n.t('No dated iteration yet'),
        tooltip: vscode.l10n.t('{0} entries, {1} of them second- or third-order changes', it.count, it.deeper),
      },
      {
        kind: 'detail',
        text: vscode.l10n.t(
          '{0} iterations · {1} counterparts · {2} metrics',
          it.count,
          s.counterparts.count,
          s.metrics.count,
        ),
      },
    ];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.status, vscode.TreeItemCollapsibleState.Expanded);
      item.description =
        node.plans.length === 1 ? vscode.l10n.t('1 plan') : vscode.l10n.t('{0} plans', node.plans.length);
      const [icon, color] = ICON[STATE_ORDER.find((o) => node.plans.some((p) => worst(p.summary) === o)) ?? 'pass'];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      item.contextValue = 'testbedPlanStatus';
      return item;
    }
    if (node.kind === 'plan') {
      const s = node.plan.summary;
      // Why: a .md and a .yaml plan of one title would look the same; the file name tells them apart.
      const item = new vscode.TreeItem(
        node.repeated ? `${s.title} (${node.repeated})` : s.title,
        vscode.TreeItemCollapsibleState.Collapsed,
      );
      const last =
        s.iterations.daysSinceLast !== undefined
          ? vscode.l10n.t('{0} d since last entry', s.iterations.daysSinceLast)
          : vscode.l10n.t('no entries');
      item.description = `${STATE_WORDS[worst(s)]()} · ${last}`;
      item.resourceUri = node.plan.uri;
      item.contextValue = 'testbedPlan';
      const [icon, color] = ICON[worst(s)];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      const tip = new vscode.MarkdownString();
      tip.appendMarkdown(`**${s.title}**  \n${node.plan.path}\n\n`);
      for (const { point } of POINTS)
        tip.appendMarkdown(`- ${POINT_LABEL[point]()}: ${STATE_WORDS[s.points[point]]()}\n`);
      tip.appendMarkdown(
        `\n${vscode.l10n.t('{0} errors, {1} warnings, {2} infos', s.problems.error, s.problems.warning, s.problems.info)}`,
      );
      item.tooltip = tip;
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open plan'), arguments: [node.plan.uri] };
      return item;
    }
    if (node.kind === 'point') {
      const state = node.plan.summary.points[node.point];
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.description = STATE_WORDS[state]();
      const [icon, color] = ICON[state];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open plan'), arguments: [node.plan.uri] };
      return item;
    }
    const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    if (node.tooltip) item.tooltip = node.tooltip;
    return item;
  }
}

/** The view, its tree, its refresh command, and what refreshes it: plan files changing, lints of open plans, settings. */
export function registerPlansView(linter: Linter): { view: PlansView; disposables: vscode.Disposable[] } {
  // Why: the lint and the summary run in the lint workers: a huge plan in the workspace never blocks the host's thread.
  const view = new PlansView((uri, text, day) => linter.summarizeFile(uri, text, day));
  const planFiles = vscode.workspace.createFileSystemWatcher(PLAN_GLOB);
  return {
    view,
    disposables: [
      view,
      planFiles,
      vscode.window.createTreeView(PLANS_VIEW_ID, { treeDataProvider: view, showCollapseAll: true }),
      vscode.commands.registerCommand(REFRESH_COMMAND, () => view.refresh(0, true)),
      planFiles.onDidCreate(() => view.refresh()),
      planFiles.onDidChange(() => view.refresh()),
      planFiles.onDidDelete(() => view.refresh()),
      linter.onDidLint((e) => {
        if (e.linted) view.refresh();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('testbedLint')) view.refresh(300, true);
      }),
    ],
  };
}

/** The view as the user sees it: each status group, and in it each plan's label and description, in order. */
export async function plansTree(
  view: PlansView,
): Promise<{ label: string; description: string; plans: { label: string; description: string; tooltip: string }[] }[]> {
  const text = (t: string | boolean | vscode.TreeItemLabel | vscode.MarkdownString | undefined): string =>
    typeof t === 'string' ? t : typeof t === 'object' && t !== null ? ('value' in t ? t.value : t.label) : '';
  const out = [];
  for (const group of await view.getChildren()) {
    const g = view.getTreeItem(group);
    const plans = (await view.getChildren(group))
      .map((n) => view.getTreeItem(n))
      .map((i) => ({ label: text(i.label), description: text(i.description), tooltip: text(i.tooltip) }));
    out.push({ label: text(g.label), description: text(g.description), plans });
  }
  return out;
}
