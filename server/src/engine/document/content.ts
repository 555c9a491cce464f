/**
 * Block identity up to position: a block moved by an edit before it (see
 * {@link shiftBlock}) is a copy at other offsets with the very
 * same content. Per-block analyses that do not depend on where the block
 * sits can be cached by this token (in a WeakMap), so the unchanged blocks
 * after an edit cost a lookup instead of being analysed again. A moved copy
 * carries its token (under `CONTENT`); a block parsed in place gets one
 * here, when first asked. Why not a WeakMap entry per copy: every block
 * after an edit is copied on every keystroke (3,500 blocks in a 2 MB
 * draft), and those insertions, and the ephemerons the collector then
 * clears, cost 3 ms per edit there.
 */
import type { OffsetRange } from '../types';
import { CONTENT, isProse, ProseSentence, type Block, type ProseBlock } from './model';
import type { ParsedRun } from './previous-parses';

/** A tiny object per distinct block content, for blocks parsed in place (moved copies carry theirs). */
const tokens = new WeakMap<Block, object>();

/** The content token of `block` (made on first use); a moved copy has its original's. */
export function contentToken(block: Block): object {
  const carried = block[CONTENT];
  if (carried) return carried;
  let token = tokens.get(block);
  if (!token) tokens.set(block, (token = {}));
  return token;
}

/** `block` moved by `by` (a block parsed alone, or before an edit, placed at its document offsets): a copy with the same content token. */
export function shiftBlock(block: Block, by: number): Block {
  const range: OffsetRange = [block.range[0] + by, block.range[1] + by];
  if (!isProse(block)) return Object.defineProperty({ ...block, range }, CONTENT, { value: contentToken(block) });
  // Same content at a new place: position-independent per-block results carry over.
  const shifted: ProseBlock = {
    ...block,
    range,
    inlines: block.inlines.map((span) => ({ ...span, range: [span.range[0] + by, span.range[1] + by] as const })),
    sentences: block.sentences.map((sentence) =>
      sentence instanceof ProseSentence ? sentence.shifted(by) : new ProseSentence(sentence.text, 0, sentence.start + by, sentence.end + by),
    ),
  };
  return Object.defineProperty(shifted, CONTENT, { value: contentToken(block) });
}

/** The blocks of a cached run moved to `start` (the entry then keeps that place, so the next use there moves nothing). */
export function placeRun(entry: ParsedRun, start: number): readonly Block[] {
  if (entry.start !== start) {
    const by = start - entry.start;
    entry.blocks = entry.blocks.map((block) => shiftBlock(block, by));
    entry.start = start;
  }
  return entry.blocks;
}
