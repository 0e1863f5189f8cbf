// The one file name rule for a new plan, shared by `testbed-lint init "Title"` (CLI) and "New plan" (editor): the
// title in kebab case (lower case, words joined by hyphens), then `.testbed.md` or `.testbed.yaml`.

/** A title as a file name stem: lower case, accents dropped, words joined by hyphens, at most 60 characters. */
export function kebabCase(title: string): string {
  const name = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return name || 'testbed-plan';
}

/** The file name of a new plan with this title: `Faster invoicing with Acme` → `faster-invoicing-with-acme.testbed.md`. */
export function planFileName(title: string, form: 'markdown' | 'yaml', n = 1): string {
  return `${kebabCase(title)}${n > 1 ? `-${n}` : ''}.testbed.${form === 'yaml' ? 'yaml' : 'md'}`;
}
