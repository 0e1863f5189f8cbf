// --list-rules and --explain: the rule table, and a rule's documentation from the package.
import { docsUrlFor, fixableWord, rules, type Rule } from '../api/index.js';
import type { Fs } from '../node/fs.js';
import { ruleDocPath } from '../node/package-root.js';
import { didYouMean } from './suggest.js';

function sentence(text: string): string {
  const t = text.trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A plain-text table: id, default severity, fixable, description. */
export function listRules(all: readonly Rule[] = rules): string {
  const rows = all.map((r) => [
    r.meta.id,
    r.meta.defaultSeverity,
    fixableWord(r.meta.fixable),
    sentence(r.meta.description) + (r.meta.severityNote ? ` (${r.meta.severityNote})` : ''),
  ]);
  const header = ['RULE', 'DEFAULT', 'FIXABLE', 'DESCRIPTION'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return (
    [line(header), ...rows.map(line), '', `${all.length} rules. Details: testbed-lint --explain RULE`].join('\n') + '\n'
  );
}

export type ExplainResult = { ok: true; text: string; notice?: string } | { ok: false; message: string };

/** A rule's Markdown doc; when the package has no doc for it, a short text from the rule's metadata. */
export function explainRule(ruleId: string, fs: Fs, packageRoot: string | undefined): ExplainResult {
  const rule = rules.find((r) => r.meta.id === ruleId);
  if (!rule) {
    const s = didYouMean(
      ruleId,
      rules.map((r) => r.meta.id),
    );
    return {
      ok: false,
      message: `unknown rule "${ruleId}"${s ? `; did you mean "${s}"?` : '.'} Run "testbed-lint --list-rules" to see them all.`,
    };
  }
  if (packageRoot !== undefined) {
    try {
      const text = fs.readFileSync(ruleDocPath(packageRoot, ruleId), 'utf8');
      return { ok: true, text: text.endsWith('\n') ? text : `${text}\n` };
    } catch {
      // Empty: fall back to the metadata below.
    }
  }
  const m = rule.meta;
  const text = [
    `# ${m.id}`,
    '',
    `> Category: \`${m.category}\` · Severity: \`${m.defaultSeverity}\`${m.severityNote ? ` (${m.severityNote})` : ''} · Fixable: \`${fixableWord(m.fixable)}\``,
    '',
    `This rule ${m.description}`,
    '',
    `Documentation: ${docsUrlFor(m.id)}`,
    '',
  ].join('\n');
  return {
    ok: true,
    text,
    notice: `the documentation file of "${ruleId}" was not found in the package; showing a summary`,
  };
}
