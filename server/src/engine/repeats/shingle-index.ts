/**
 * An inverted index from shingle hash to the paragraphs holding it. Most
 * shingles occur once, so a single id is stored inline and a list is made
 * only on the second occurrence; keys are folded to 31 bits so V8 keeps
 * them as small integers. Both choices keep a corpus-sized index from
 * drowning in allocations.
 */
export class ShingleIndex {
  private readonly heads = new Map<number, number>();
  private readonly lists: number[][] = [];

  constructor(private readonly maxPostings: number) {}

  /** Records that paragraph `id` holds shingle `hash`; lists stop growing past the cap. */
  add(hash: number, id: number): void {
    const key = hash >>> 1;
    const head = this.heads.get(key);
    if (head === undefined) this.heads.set(key, id);
    else if (head >= 0) this.heads.set(key, -this.lists.push([head, id]));
    else {
      const list = this.lists[-head - 1]!;
      if (list.length <= this.maxPostings) list.push(id);
    }
  }

  /**
   * Calls `visit` with each paragraph holding `hash`, unless more than the
   * cap hold it: such shingles are boilerplate and say nothing about copies.
   */
  forEach(hash: number, visit: (id: number) => void): void {
    const head = this.heads.get(hash >>> 1);
    if (head === undefined) return;
    if (head >= 0) return visit(head);
    const list = this.lists[-head - 1]!;
    if (list.length <= this.maxPostings) for (const id of list) visit(id);
  }
}
