// A bare Markdown parse of every file of a list (a JSON array of paths): mdast-util-from-markdown (micromark)
// with the front matter and GFM extensions, which is the parse the linters build on, without any rules.
import { readFileSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const options = {
  extensions: [frontmatter(['yaml']), gfm()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
};
let nodes = 0;
for (const f of files) nodes += fromMarkdown(readFileSync(f, 'utf8'), options).children.length;
process.stdout.write(`${files.length} files, ${nodes} top-level nodes\n`);
