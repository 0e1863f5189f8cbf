// A config object given in code (the API, editor settings, a lint worker's message) checked like a config file: the
// problems as sentences, and the valid part.
import { DRAFTS_MODES } from './drafts.js';
import { checkOption, normalizeSeverity, PRESETS, severityProblem, type LintConfig, type RuleEntry } from './config.js';
import { isTeamId, teamIds } from './config-team.js';
import type { Rule } from './rule-api.js';
import { suggest } from './suggest.js';
import { checkTeamRules } from './team-rules-check.js';

/**
 * Checks a config object given in code (the API, editor settings): the problems as sentences (empty when valid) and
 * the valid part, as for a config file: unknown rules dropped, a rule with a bad severity or option keeps its defaults.
 */
export function checkLintConfig(
  config: LintConfig,
  rules: readonly Rule[],
): { config: LintConfig; problems: string[] } {
  const problems: string[] = [];
  const valid: LintConfig = {};
  if (config.extends !== undefined) {
    if (PRESETS.includes(config.extends)) valid.extends = config.extends;
    else problems.push(`extends must be one of ${PRESETS.join(', ')}`);
  }
  if (config.drafts !== undefined) {
    if (DRAFTS_MODES.includes(config.drafts)) valid.drafts = config.drafts;
    else problems.push(`drafts must be ${DRAFTS_MODES.join(' or ')}`);
  }
  if (config.teamRules !== undefined) {
    const team = checkTeamRules(config.teamRules);
    valid.teamRules = team.rules;
    for (const p of team.problems)
      problems.push(
        `team-rules${p.at.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}: ${p.message}`,
      );
  }
  const byId = new Map(rules.map((r) => [r.meta.id, r] as const));
  const team = new Set(teamIds(valid.teamRules));
  const ids = [...byId.keys(), ...team];
  const validRules: Record<string, RuleEntry> = {};
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    const rule = byId.get(id);
    if (!rule && !(isTeamId(id) && team.has(id))) {
      const s = suggest(id, ids);
      problems.push(`unknown rule "${id}"${s ? `; did you mean "${s}"?` : ''}`);
      continue;
    }
    const written = Array.isArray(entry) ? entry[0] : entry;
    const options = Array.isArray(entry) ? entry[1] : undefined;
    const severity = normalizeSeverity(written);
    let ok = true;
    if (severity === undefined) {
      problems.push(`rule "${id}": ${severityProblem(written).why}`);
      ok = false;
    }
    if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
      problems.push(`rule "${id}": options must be a mapping`);
      ok = false;
    }
    for (const [k, v] of Object.entries(options ?? {})) {
      const spec =
        rule && Object.prototype.hasOwnProperty.call(rule.meta.options ?? {}, k) ? rule.meta.options![k] : undefined;
      const e = spec ? checkOption(k, spec, v) : `has no option "${k}"`;
      if (e) {
        problems.push(spec ? `rule "${id}": ${e}` : `rule "${id}" ${e}`);
        ok = false;
      }
    }
    if (ok) validRules[id] = options !== undefined ? [severity!, options] : severity!;
  }
  if (config.rules !== undefined) valid.rules = validRules;
  return { config: valid, problems };
}

/** Validates a config object given in code (the API, editor settings); returns sentences, empty when valid. */
export function validateLintConfig(config: LintConfig, rules: readonly Rule[]): string[] {
  return checkLintConfig(config, rules).problems;
}
