// Control characters from a plan (a title, a value quoted in a message, a file name) made visible before they reach a
// terminal, a job log or a report: an ESC in a plan must not retitle the terminal, recolour the output or hide lines.

// C0 controls, DEL and the C1 controls (U+0080-U+009F, which some terminals also obey).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Writes each control character as a visible `\x1b`-style escape (ESC → `\x1b`, BEL → `\x07`, CSI U+009B → `\x9b`),
 * except those in `keep` (tab by default; a format that needs line breaks keeps `\n` too).
 */
export function escapeControls(s: string, keep = '\t'): string {
  return s.replace(CONTROLS, (c) => (keep.includes(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

// DEL and the C1 controls: JSON.stringify writes C0 controls as \u escapes but leaves these raw.
const JSON_RAW_CONTROLS = /[\u007f-\u009f]/g;

/**
 * JSON text (`--format json`, SARIF) with DEL and the C1 controls written as `\u007f`-style escapes, as JSON.stringify
 * already writes C0: a parser reads the same strings, and a terminal or log viewer that shows the file obeys none.
 * Safe on the whole text: outside strings JSON holds only ASCII punctuation, digits, letters and whitespace.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_RAW_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
