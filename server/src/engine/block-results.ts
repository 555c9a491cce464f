/**
 * Block-rule results shared by the documents that read them. A paragraph
 * pasted into many files is examined once, and an edit re-examines only the
 * blocks whose text changed. Each result counts its users (kept documents),
 * so it lives exactly as long as some document still reads it: no sweep
 * over every block of every document after each keystroke.
 */
import type { Finding } from './types';

interface Shared {
  readonly result: Finding[];
  users: number;
}

export class BlockResultStore {
  /**
   * By rule-and-settings key, then by the block's prose. Two levels so the
   * inner key is the block's own prose string, held by reference: one flat
   * key per block (prefix + prose) would be a second copy of every
   * paragraph, for as long as the document is open.
   */
  private readonly byKey = new Map<string, Map<string, Shared>>();

  /** The result for `key` and `prose`, computed on a miss; counts one more user, to be given back with {@link release}. */
  use(key: string, prose: string, compute: () => Finding[]): Finding[] {
    let inner = this.byKey.get(key);
    if (!inner) this.byKey.set(key, (inner = new Map()));
    const shared = inner.get(prose);
    if (shared) {
      shared.users++;
      return shared.result;
    }
    const result = compute();
    inner.set(prose, { result, users: 1 });
    return result;
  }

  /** Gives back the uses recorded in `used` (key and prose, alternating); a result nobody uses any more is dropped. */
  release(used: readonly string[]): void {
    for (let i = 0; i < used.length; i += 2) {
      const inner = this.byKey.get(used[i]!);
      const shared = inner?.get(used[i + 1]!);
      if (!inner || !shared || --shared.users > 0) continue;
      inner.delete(used[i + 1]!);
      if (inner.size === 0) this.byKey.delete(used[i]!);
    }
  }

  /** How many distinct results are kept (for tests). */
  get size(): number {
    let size = 0;
    for (const inner of this.byKey.values()) size += inner.size;
    return size;
  }
}
