// Issue #8: the incremental repeat index keeps its shingle lists in a typed
// open-addressing table with an arena of blocks (PostingTable). Whatever the
// order of insertions and removals (lists growing and shrinking across size
// classes, table growth, deletions inside probe runs, arena compaction), it
// must read exactly like a Map of sorted arrays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingTable } from '../../server/src/engine/repeats/posting-table';

type Op = { readonly kind: 'insert'; readonly slot: number; readonly id: number } | { readonly kind: 'remove'; readonly slot: number; readonly ids: readonly number[] };

/** Ids sort by a scrambled order, not by value, as paragraph ids sort by document and position. */
const order = (id: number): number => (id * 7919) % 1009;
const compare = (a: number, b: number): number => order(a) - order(b) || a - b;

/** The reference: sorted arrays in a Map, equal ids kept in insertion order. */
function apply(reference: Map<number, number[]>, table: PostingTable, op: Op): void {
  const list = reference.get(op.slot) ?? [];
  if (op.kind === 'insert') {
    let at = list.length;
    while (at > 0 && compare(list[at - 1]!, op.id) > 0) at--;
    list.splice(at, 0, op.id);
    reference.set(op.slot, list);
    table.insert(op.slot, op.id);
  } else {
    const gone = new Set(op.ids);
    const kept = list.filter((id) => !gone.has(id));
    if (kept.length > 0) reference.set(op.slot, kept);
    else reference.delete(op.slot);
    table.remove(op.slot, (id) => gone.has(id));
  }
}

function expectSame(reference: Map<number, number[]>, table: PostingTable, probes: readonly number[]): void {
  for (const [slot, list] of reference) {
    const ref = table.ref(slot);
    const read = Array.from({ length: table.size(ref) }, (_, i) => table.at(ref, i));
    expect(read).toEqual(list);
    for (const id of [list[0]!, list[list.length - 1]!, 3]) {
      const before = list.filter((other) => compare(other, id) < 0).length;
      expect(table.rank(ref, id)).toBe(before);
      // Counting only the head of the list, as the repeat index asks whether a list is followed.
      for (const limit of [0, 1, 25]) expect(table.rank(ref, id, limit)).toBe(Math.min(before, limit));
    }
  }
  for (const slot of probes) if (!reference.has(slot)) expect(table.size(table.ref(slot))).toBe(0);
}

/** Operations over `slots` and ids below `ids`: few of each make many slots with the same holders, which share a block. */
function ops(slot: fc.Arbitrary<number>, ids: number): fc.Arbitrary<Op[]> {
  const id = fc.nat({ max: ids - 1 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), slot, id }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), slot, ids: fc.array(id, { maxLength: 8 }) }) },
  );
  return fc.array(op, { maxLength: 300 });
}

describe('posting table', () => {
  it('reads like a Map of sorted arrays after any insertions and removals', () => {
    const check = (steps: readonly Op[]): void => {
      const reference = new Map<number, number[]>();
      const table = new PostingTable(compare);
      for (const step of steps) apply(reference, table, step);
      expectSame(reference, table, steps.map((step) => step.slot));
    };
    fc.assert(fc.property(ops(fc.oneof(fc.nat({ max: 40 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })), 60), check), { numRuns: 200, seed: 20261129 });
    // Six slots and five ids: slots keep meeting the same holders, sharing and unsharing blocks.
    fc.assert(fc.property(ops(fc.nat({ max: 5 }), 5), check), { numRuns: 300, seed: 20261129 });
  });

  it('stays equal through table growth, deletions in crowded probe runs and arena compaction', () => {
    // Long seeded runs: thousands of slots (the table grows), lists of up to a few hundred ids
    // (every size class), and whole ranges of ids dropped (documents closed), which compacts the arena.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        let state = seed;
        const next = (bound: number): number => {
          state = (Math.imul(state, 1103515245) + 12345) >>> 1;
          return state % bound;
        };
        const reference = new Map<number, number[]>();
        const table = new PostingTable(compare);
        const probes: number[] = [];
        for (let step = 0; step < 30_000; step++) {
          const slot = next(4) === 0 ? next(2 ** 31) : next(800);
          probes.push(slot);
          if (step % 7500 === 7499) {
            const low = next(300);
            const gone = Array.from({ length: 150 }, (_, i) => low + i);
            for (const known of [...reference.keys()]) apply(reference, table, { kind: 'remove', slot: known, ids: gone });
          } else if (next(5) === 0) apply(reference, table, { kind: 'remove', slot, ids: [next(400), next(400)] });
          else apply(reference, table, { kind: 'insert', slot: slot % 97 === 0 ? 96 : slot, id: next(400) });
        }
        expectSame(reference, table, probes);
      }),
      { numRuns: 3, seed: 20261129 },
    );
  });

  it('keeps a long list that fills its block whole through arena compaction', () => {
    // Long lists grow in place and are moved, capacity and all, when the arena is laid out afresh.
    for (const length of [32, 33, 63, 64, 65, 128]) {
      const reference = new Map<number, number[]>();
      const table = new PostingTable(compare);
      for (let id = 0; id < length; id++) apply(reference, table, { kind: 'insert', slot: 1, id });
      // Lists of every short length, then all dropped: released blocks the arena is compacted to get rid of.
      const made = Array.from({ length: 3000 }, (_, i) => ({ slot: 1000 + i, ids: Array.from({ length: 2 + (i % 30) }, (_, k) => (i + k * 13) % 400) }));
      for (const { slot, ids } of made) for (const id of ids) apply(reference, table, { kind: 'insert', slot, id });
      for (const { slot, ids } of made) apply(reference, table, { kind: 'remove', slot, ids });
      apply(reference, table, { kind: 'insert', slot: 1, id: 500 });
      expectSame(reference, table, [1]);
    }
  });
});
