// The floor of the CLI benchmark: read every file of a list (a JSON array of paths) and split it into lines.
import { readFileSync } from 'node:fs';

const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let lines = 0;
for (const f of files) lines += readFileSync(f, 'utf8').split(/\r?\n/).length;
process.stdout.write(`${files.length} files, ${lines} lines\n`);
