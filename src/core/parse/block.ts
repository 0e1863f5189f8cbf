// Reads one top-level block of Markdown into mdast: directly when the simple reader takes it, else by micromark,
// a long table or list in bounded pieces.
import type { RootContent } from 'mdast';
import { isStackOverflow } from '../arrays.js';
import { type BlockPlan, micromark, parsePieces, planBlock, shift, type Source } from './pieces.js';
import { readSimpleBlock } from './simple.js';

/** A block of the text: [start, end), beginning at a line start on line `line`. */
export interface BlockRange {
  start: number;
  end: number;
  line: number;
}

/**
 * The nodes of a block, positioned in the whole text; undefined when it nests too deeply to read. `plan`: the
 * block's plan when the caller already made it. `share`: the nodes may share point objects (nobody will move them).
 */
export function readBlock(
  src: Source,
  block: BlockRange,
  options: { plan?: BlockPlan; share?: boolean } = {},
): RootContent[] | undefined {
  try {
    return parseBlock(src, block, options.plan, options.share ?? false);
  } catch (error) {
    // Why: the Markdown parser recurses per nesting level; a block nested thousands deep is reported, not fatal.
    if (!isStackOverflow(error)) throw error;
    return undefined;
  }
}

function parseBlock(
  src: Source,
  { start, end, line }: BlockRange,
  known: BlockPlan | undefined,
  share: boolean,
): RootContent[] | undefined {
  const { text } = src;
  // Why: most blocks of a long plan are a heading with plain lines; reading them directly skips micromark's cost per call.
  const simple = readSimpleBlock(text, start, end, line, share);
  if (simple) return simple;
  const plan = known ?? planBlock(text, start, end);
  if (plan.tooDeep) return undefined;
  return (
    (plan.cuts.length > 0 ? parsePieces(src, { start, end, cuts: plan.cuts }) : undefined) ??
    wholeBlock(src, start, end, line)
  );
}

/** The nodes of [start, end) parsed by micromark in one call. */
function wholeBlock(src: Source, start: number, end: number, line: number): RootContent[] {
  const nodes = micromark(src.text.slice(start, end));
  for (const c of nodes) shift(c, start, line - 1);
  return nodes;
}
