/**
 * An inverted index from shingle hash to the paragraphs holding it. Most
 * shingles occur once, so a single id is stored inline and a list is made
 * only on the second occurrence; keys are folded to 31 bits. The table is
 * open addressing in typed arrays rather than a `Map`: a corpus puts about
 * a million shingles in it, and a `Map` of that size spent its time growing
 * and feeding the garbage collector.
 */
import { homeSlot } from '../hash';

export class ShingleIndex {
  /** Key + 1 per slot (0: empty). */
  private keys: Uint32Array;
  /** Per slot: the only holder's id, or -(list index + 1) once a list holds them. */
  private heads: Int32Array;
  private used = 0;
  private readonly lists: number[][] = [];

  /** `expected`: about how many shingles will be added, so the table need not grow on the way. */
  constructor(
    private readonly maxPostings: number,
    expected = 512,
  ) {
    let size = 1024;
    while (size < 2 * expected) size *= 2;
    this.keys = new Uint32Array(size);
    this.heads = new Int32Array(size);
  }

  /** The slot of `key` (+ 1): where it is, or the empty slot where it goes. */
  private slotOf(stored: number): number {
    const mask = this.keys.length - 1;
    let slot = homeSlot(stored, mask);
    while (this.keys[slot] !== 0 && this.keys[slot] !== stored) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const [keys, heads] = [this.keys, this.heads];
    this.keys = new Uint32Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const slot = this.slotOf(keys[i]!);
      this.keys[slot] = keys[i]!;
      this.heads[slot] = heads[i]!;
    }
  }

  /** Records that paragraph `id` holds shingle `hash`; lists stop growing past the cap. */
  add(hash: number, id: number): void {
    const stored = (hash >>> 1) + 1;
    const slot = this.slotOf(stored);
    if (this.keys[slot] === 0) {
      this.keys[slot] = stored;
      this.heads[slot] = id;
      // Keep the table at most half full, so probes stay short.
      if (++this.used * 2 > this.keys.length) this.grow();
      return;
    }
    const head = this.heads[slot]!;
    if (head >= 0) this.heads[slot] = -this.lists.push([head, id]);
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
    const slot = this.slotOf((hash >>> 1) + 1);
    if (this.keys[slot] === 0) return;
    const head = this.heads[slot]!;
    if (head >= 0) return visit(head);
    const list = this.lists[-head - 1]!;
    if (list.length <= this.maxPostings) for (const id of list) visit(id);
  }
}
