// Pure edits of a config file's text: set one rule's severity, keeping comments, order and the rest of the file.
// YAML through the `yaml` package's Document API (comments survive); JSON by value. No vscode import.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { SeveritySetting } from '../../api/index.js';

/** The text of `.testbed-lint.yaml` created for a first choice; `settings` are rules the user had in testbedLint.rules. */
export function newConfigText(
  ruleId: string,
  severity: SeveritySetting,
  settings: Record<string, unknown> = {},
): string {
  const doc = parseDocument('rules: {}\n');
  doc.commentBefore =
    ' testbed-lint configuration: rule severities are error, warning, info or off (rule pages: "Show documentation").';
  for (const [id, entry] of Object.entries(settings)) doc.setIn(['rules', id], doc.createNode(entry));
  setIn(doc, ruleId, severity);
  const rules = doc.get('rules', true);
  if (isMap(rules)) rules.flow = false;
  return doc.toString();
}

function setIn(doc: ReturnType<typeof parseDocument>, ruleId: string, severity: SeveritySetting): void {
  // A rule with options (`[warning, { days: 30 }]`) keeps them: only its severity changes.
  if (isSeq(doc.getIn(['rules', ruleId], true))) doc.setIn(['rules', ruleId, 0], severity);
  else doc.setIn(['rules', ruleId], severity);
}

/** `text` (a .testbed-lint.yaml/.yml/.json) with `rules.<ruleId>` set to `severity`; throws when the file cannot be read as data. */
export function setRuleSeverity(
  text: string,
  form: 'yaml' | 'json',
  ruleId: string,
  severity: SeveritySetting,
): string {
  if (form === 'json') {
    const data = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw new Error('the config is not an object');
    const config = data as Record<string, unknown>;
    const rules = (
      typeof config.rules === 'object' && config.rules !== null && !Array.isArray(config.rules) ? config.rules : {}
    ) as Record<string, unknown>;
    const current = rules[ruleId];
    rules[ruleId] = Array.isArray(current) ? [severity, ...(current as unknown[]).slice(1)] : severity;
    config.rules = rules;
    const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
    return `${JSON.stringify(config, null, indent)}\n`;
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]);
  // An empty file (or only comments) has no contents: the rules are appended below.
  if (doc.contents !== null && !isMap(doc.contents)) throw new Error('the config is not a mapping');
  // Why: re-printing the whole document would re-space the user's flow collections (`[warning, {...}]`); only
  // the severity's characters change, or one line is added, wherever the file allows it.
  const rules = doc.get('rules', true);
  const node = doc.getIn(['rules', ruleId], true);
  const value = isSeq(node) ? node.items[0] : node;
  if (isScalar(value) && value.range) return text.slice(0, value.range[0]) + severity + text.slice(value.range[1]);
  if (!doc.has('rules'))
    return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}rules:\n  ${ruleId}: ${severity}\n`;
  if (isMap(rules) && !rules.flow && rules.items.length > 0) {
    const first = rules.items[0]!.key;
    const last = rules.items[rules.items.length - 1]!;
    const end =
      (isScalar(last.value) || isMap(last.value) || isSeq(last.value)) && last.value.range
        ? last.value.range[1]
        : undefined;
    if (isScalar(first) && first.range && end !== undefined) {
      const indent = first.range[0] - (text.lastIndexOf('\n', first.range[0] - 1) + 1);
      // A block collection's range runs into the next line: step back over the line break and blanks.
      const eol = text.indexOf('\n', text.slice(0, end).trimEnd().length);
      const at = eol < 0 ? text.length : eol;
      return `${text.slice(0, at)}\n${' '.repeat(indent)}${ruleId}: ${severity}${text.slice(at)}${eol < 0 ? '\n' : ''}`;
    }
  }
  setIn(doc, ruleId, severity);
  return doc.toString();
}
