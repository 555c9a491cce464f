/**
 * Sorted lists of paragraph ids per shingle slot, for the repeat index an
 * editor keeps between runs (see `incremental.ts`). With 1,000 documents
 * open that index holds over half a million lists of a few ids each; as a
 * `Map` of arrays every list cost about 90 bytes of map entry and array
 * headers besides its ids. Here a slot held by a single paragraph keeps
 * that id in an open-addressing table of typed arrays (in a workspace
 * without copies, most slots), and longer lists are blocks of one Int32Array
 * arena, shared between slots with the same holders: all the shingles of a
 * paragraph copied into four documents have the same five holders, so
 * a copied paragraph costs one block, not one per shingle. Lists longer
 * than {@link LONG} are never shared and grow in place with room to spare:
 * a shingle common to thousands of paragraphs would otherwise be copied
 * whole on every insertion, which made building a large set quadratic.
 *
 * Reading goes through a handle ({@link PostingTable.ref}) so that hot loops
 * probe the table once per slot, not once per entry.
 */

import { homeSlot } from '../hash';

/** The handle of a slot nobody holds. */
const NONE = -1;

/** Smallest table size (a power of two). */
const MIN_TABLE = 1024;

/**
 * Numbers before the ids of a block: its length, then, for a list of at
 * most LONG ids, how many slots share it, or else its capacity.
 */
const HEADER = 2;

/** Lists longer than this have a block of their own that grows in place. */
const LONG = 32;


/** A hash of `ids[start, start + length)`, never 0 (0 marks an empty table entry). */
function hashIds(ids: Int32Array, start: number, length: number): number {
  let hash = length;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ ids[start + i]!, 0x5bd1e995) ^ (hash >>> 15);
  return hash >>> 0 || 1;
}

/** Open addressing from non-zero 32-bit keys to int32 values, several per key allowed; linear probing, at most half full. */
class IntTable {
  keys = new Uint32Array(MIN_TABLE);
  values = new Int32Array(MIN_TABLE);
  private used = 0;

  /** The entry of `key` whose value passes `accept` (any, without it), or -1. */
  find(key: number, accept?: (value: number) => boolean): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let entry = homeSlot(key, mask); keys[entry] !== 0; entry = (entry + 1) & mask) {
      if (keys[entry] === key && (!accept || accept(this.values[entry]!))) return entry;
    }
    return -1;
  }

  add(key: number, value: number): void {
    if (++this.used * 2 > this.keys.length) this.resize(this.keys.length * 2);
    this.place(key, value);
  }

  /** Empties `entry`, moving back later entries of its probe run so that lookups never stop early. */
  delete(entry: number): void {
    const [keys, values] = [this.keys, this.values];
    const mask = keys.length - 1;
    let hole = entry;
    keys[hole] = 0;
    for (let next = (hole + 1) & mask; keys[next] !== 0; next = (next + 1) & mask) {
      const start = homeSlot(keys[next]!, mask);
      // An entry whose home lies cyclically in (hole, next] is still reachable; any other moves into the hole.
      const reachable = hole <= next ? hole < start && start <= next : hole < start || start <= next;
      if (reachable) continue;
      keys[hole] = keys[next]!;
      values[hole] = values[next]!;
      keys[next] = 0;
      hole = next;
    }
    this.used--;
  }

  private place(key: number, value: number): void {
    const mask = this.keys.length - 1;
    let entry = homeSlot(key, mask);
    while (this.keys[entry] !== 0) entry = (entry + 1) & mask;
    this.keys[entry] = key;
    this.values[entry] = value;
  }

  private resize(size: number): void {
    const [keys, values] = [this.keys, this.values];
    this.keys = new Uint32Array(size);
    this.values = new Int32Array(size);
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.place(keys[i]!, values[i]!);
  }
}

/** Sorted lists of non-negative ids per slot (a non-negative 31-bit number). */
export class PostingTable {
  /** Per slot + 1, the handle of its list: the only id as -(id + 2), or the offset of its block in `items`. */
  private readonly slots = new IntTable();
  /** Every block by the hash of its ids, to find the block a new list can share. */
  private readonly blocks = new IntTable();
  /** Blocks: the length, the number of slots sharing it, then the ids in order. */
  private items = new Int32Array(1024);
  /** End of the blocks handed out so far. */
  private top = 0;
  /** Per block size, the first released block; each released block holds the offset of the next (-1 ends). */
  private free = new Map<number, number>();
  /** Numbers of `items` in released blocks. */
  private wasted = 0;
  /** The list being made, before it is found or stored as a block. */
  private scratch = new Int32Array(64);

  /** `compare`: the order of the lists (negative when the first id comes first, 0 only for the same id). */
  constructor(private readonly compare: (a: number, b: number) => number) {}

  /** A handle on the list of `slot`, for {@link size}, {@link at} and {@link rank}; valid until the table next changes. */
  ref(slot: number): number {
    const entry = this.slots.find(slot + 1);
    return entry < 0 ? NONE : this.slots.values[entry]!;
  }

  /** How many ids the list of handle `ref` holds. */
  size(ref: number): number {
    return ref >= 0 ? this.items[ref]! : ref === NONE ? 0 : 1;
  }

  /** Entry `index` of the list of handle `ref`. */
  at(ref: number, index: number): number {
    return ref >= 0 ? this.items[ref + HEADER + index]! : -ref - 2;
  }

  /** How many entries of the list of handle `ref` come before `id`, counting only the first `limit` (all, without it). */
  rank(ref: number, id: number, limit = Infinity): number {
    let low = 0;
    let high = Math.min(this.size(ref), limit);
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compare(this.at(ref, mid), id) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Puts `id` in the list of `slot` in its sorted place, after any entries of the same id. */
  insert(slot: number, id: number): void {
    // Lists change a step at a time (a workspace opened in order adds each copy of a paragraph in turn), leaving
    // blocks of sizes no list needs again. Laying the blocks out afresh reads both tables, so it waits until the
    // waste is half of what it reads: its cost is then at most twice the size of the blocks released since the last time.
    if (this.wasted * 2 > this.top + this.slots.keys.length) this.compact();
    const entry = this.slots.find(slot + 1);
    if (entry < 0) {
      this.slots.add(slot + 1, -id - 2);
      return;
    }
    const ref = this.slots.values[entry]!;
    const size = this.size(ref);
    let at = this.rank(ref, id);
    while (at < size && this.at(ref, at) === id) at++;
    if (size >= LONG) {
      this.slots.values[entry] = this.insertLong(ref, size, at, id);
      return;
    }
    const scratch = this.room(size + 1);
    for (let i = 0; i < at; i++) scratch[i] = this.at(ref, i);
    scratch[at] = id;
    for (let i = at; i < size; i++) scratch[i + 1] = this.at(ref, i);
    this.slots.values[entry] = this.share(size + 1);
    if (ref >= 0) this.disown(ref);
  }

  /** The block of a list of `size` ids (LONG or more) once `id` is put at `at`: `ref` itself while it has room. */
  private insertLong(ref: number, size: number, at: number, id: number): number {
    if (size > LONG && size < this.items[ref + 1]!) {
      const start = ref + HEADER;
      this.items.copyWithin(start + at + 1, start + at, start + size);
      this.items[start + at] = id;
      this.items[ref] = size + 1;
      return ref;
    }
    // A list just past LONG leaves its shared block; a full one moves to a block twice its capacity.
    const capacity = size > LONG ? this.items[ref + 1]! * 2 : 2 * LONG;
    const block = this.allocate(capacity + HEADER);
    const items = this.items;
    items[block] = size + 1;
    items[block + 1] = capacity;
    items.copyWithin(block + HEADER, ref + HEADER, ref + HEADER + at);
    items[block + HEADER + at] = id;
    items.copyWithin(block + HEADER + at + 1, ref + HEADER + at, ref + HEADER + size);
    this.disown(ref);
    return block;
  }

  /** Takes the ids for which `gone` holds out of the list of `slot`. */
  remove(slot: number, gone: (id: number) => boolean): void {
    const entry = this.slots.find(slot + 1);
    if (entry < 0) return;
    const ref = this.slots.values[entry]!;
    if (ref < 0) {
      if (gone(-ref - 2)) this.slots.delete(entry);
      return;
    }
    const size = this.items[ref]!;
    const scratch = this.room(size);
    let kept = 0;
    for (let i = 0; i < size; i++) {
      const id = this.items[ref + HEADER + i]!;
      if (!gone(id)) scratch[kept++] = id;
    }
    if (kept === size) return;
    if (kept > LONG) {
      this.items.set(scratch.subarray(0, kept), ref + HEADER);
      this.items[ref] = kept;
      return;
    }
    if (kept === 0) this.slots.delete(entry);
    else this.slots.values[entry] = kept === 1 ? -scratch[0]! - 2 : this.share(kept);
    this.disown(ref);
  }

  /** The scratch list, with room for `length` ids. */
  private room(length: number): Int32Array {
    if (this.scratch.length < length) this.scratch = new Int32Array(Math.max(length, this.scratch.length * 2));
    return this.scratch;
  }

  /** A block holding the first `length` ids of the scratch list, shared when one exists, with one more slot counted on it. */
  private share(length: number): number {
    const scratch = this.scratch;
    const hash = hashIds(scratch, 0, length);
    const found = this.blocks.find(hash, (block) => {
      if (this.items[block] !== length) return false;
      for (let i = 0; i < length; i++) if (this.items[block + HEADER + i] !== scratch[i]) return false;
      return true;
    });
    if (found >= 0) {
      const block = this.blocks.values[found]!;
      this.items[block + 1]!++;
      return block;
    }
    const block = this.allocate(length + HEADER);
    this.items[block] = length;
    this.items[block + 1] = 1;
    this.items.set(scratch.subarray(0, length), block + HEADER);
    this.blocks.add(hash, block);
    return block;
  }

  /** Counts one slot fewer on `block`, releasing it when none is left (a long list's block at once). */
  private disown(block: number): void {
    const length = this.items[block]!;
    if (length > LONG) return this.release(block, this.items[block + 1]! + HEADER);
    if (--this.items[block + 1]! > 0) return;
    this.blocks.delete(this.blocks.find(hashIds(this.items, block + HEADER, length), (other) => other === block));
    this.release(block, length + HEADER);
  }

  /** Puts a block of `size` numbers on the free list of its size. */
  private release(block: number, size: number): void {
    this.wasted += size;
    this.items[block] = this.free.get(size) ?? -1;
    this.free.set(size, block);
  }

  /** The offset of a block of `size` numbers. */
  private allocate(size: number): number {
    const reused = this.free.get(size) ?? -1;
    if (reused >= 0) {
      this.free.set(size, this.items[reused]!);
      this.wasted -= size;
      return reused;
    }
    const block = this.top;
    this.top += size;
    if (this.top > this.items.length) {
      // Grow by a quarter, not double: the arena is the bulk of the table, and copying it now and then is cheap.
      const grown = new Int32Array(Math.max(this.top, this.items.length + (this.items.length >> 2)));
      grown.set(this.items);
      this.items = grown;
    }
    return block;
  }

  /** Moves every block into a new arena without gaps, with an eighth to spare. */
  private compact(): void {
    const old = this.items;
    const live = this.top - this.wasted;
    const items = new Int32Array(Math.max(1024, live + (live >> 3)));
    let top = 0;
    const { keys, values } = this.blocks;
    for (let entry = 0; entry < keys.length; entry++) {
      if (keys[entry] === 0) continue;
      const block = values[entry]!;
      const size = old[block]! + HEADER;
      items.set(old.subarray(block, block + size), top);
      // The old arena is dropped: its count field now tells where the block went.
      old[block + 1] = top;
      values[entry] = top;
      top += size;
    }
    const slots = this.slots;
    for (let entry = 0; entry < slots.keys.length; entry++) {
      const ref = slots.values[entry]!;
      if (slots.keys[entry] === 0 || ref < 0) continue;
      if (old[ref]! <= LONG) {
        slots.values[entry] = old[ref + 1]!;
        continue;
      }
      // A long list's block belongs to this slot alone.
      const size = old[ref + 1]! + HEADER;
      items.set(old.subarray(ref, ref + size), top);
      slots.values[entry] = top;
      top += size;
    }
    this.items = items;
    this.top = top;
    this.free = new Map();
    this.wasted = 0;
  }
}
