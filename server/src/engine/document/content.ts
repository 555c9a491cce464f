/**
 * Block identity up to position: a block moved by an edit before it (see
 * `shiftBlock` in `markdown.ts`) is a copy at other offsets with the very
 * same content. Per-block analyses that do not depend on where the block
 * sits can be cached by this token (in a WeakMap), so the unchanged blocks
 * after an edit cost a lookup instead of being analysed again.
 */
import type { Block } from './model';

/** A tiny object per distinct block content; shifted copies share their original's. */
const tokens = new WeakMap<Block, object>();

/** The content token of `block` (made on first use). */
export function contentToken(block: Block): object {
  let token = tokens.get(block);
  if (!token) tokens.set(block, (token = {}));
  return token;
}

/** Records that `copy` has the content of `original`, only moved (blocks are immutable). */
export function sameContent(copy: Block, original: Block): void {
  tokens.set(copy, contentToken(original));
}
