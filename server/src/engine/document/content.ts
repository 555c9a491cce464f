/**
 * Block identity up to position: a block moved by an edit before it (see
 * `shiftBlock` in `markdown.ts`) is a copy at other offsets with the very
 * same content. Per-block analyses that do not depend on where the block
 * sits can be cached by this token (in a WeakMap), so the unchanged blocks
 * after an edit cost a lookup instead of being analysed again. A moved copy
 * carries its token (under `CONTENT`); a block parsed in place gets one
 * here, when first asked. Why not a WeakMap entry per copy: every block
 * after an edit is copied on every keystroke (3,500 blocks in a 2 MB
 * draft), and those insertions, and the ephemerons the collector then
 * clears, cost 3 ms per edit there.
 */
import { CONTENT, type Block } from './model';

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
