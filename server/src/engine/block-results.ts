/**
 * Block-rule results shared by the documents that read them. A paragraph
 * pasted into many files is examined once, and an edit re-examines only the
 * blocks whose text changed. Each result counts its users (kept documents),
 * so it lives exactly as long as some document still reads it: no sweep
 * over every block of every document after each keystroke.
 */
import type { Finding } from './types';

/** One use of a shared block result; a document keeps these to give its uses back with {@link BlockResultStore.release}. */
export interface BlockUse {
  readonly result: Finding[];
}

interface Shared extends BlockUse {
  /** Where it is kept (the rule key's table and its key there), so a release needs nothing from the document. */
  readonly key: string;
  readonly table: Map<string, Shared>;
  readonly prose: string;
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

  /**
   * The use of the result for `key` and `prose`, computed on a miss; counts
   * one more user, to be given back with {@link release}. Holding the use,
   * not the prose, means a document whose paragraph is already known keeps
   * no copy of that paragraph's prose of its own.
   */
  use(key: string, prose: string, compute: () => Finding[]): BlockUse {
    let table = this.byKey.get(key);
    if (!table) this.byKey.set(key, (table = new Map()));
    const shared = table.get(prose);
    if (shared) {
      shared.users++;
      return shared;
    }
    const created: Shared = { result: compute(), key, table, prose, users: 1 };
    table.set(prose, created);
    return created;
  }

  /** Gives back `uses`; a result nobody uses any more is dropped. */
  release(uses: readonly BlockUse[]): void {
    for (const use of uses) {
      const shared = use as Shared;
      if (--shared.users > 0 || shared.table.get(shared.prose) !== shared) continue;
      shared.table.delete(shared.prose);
      if (shared.table.size === 0 && this.byKey.get(shared.key) === shared.table) this.byKey.delete(shared.key);
    }
  }

  /** How many distinct results are kept (for tests). */
  get size(): number {
    let size = 0;
    for (const table of this.byKey.values()) size += table.size;
    return size;
  }
}
