/**
 * Run by idle-collection.test.ts under `node --expose-gc`: fills the heap
 * with small objects, drops three in four (as a cache release leaves the
 * heap: garbage spread over every page), then collects plainly and with
 * compaction, and prints the old space's size and use after each as JSON.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { fullCollection } from '../../server/src/lsp/idleCollection';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('compact-child: run under --expose-gc');
const kept: object[] = [];
let dropped: object[] | undefined = [];
for (let i = 0; i < 1_000_000; i++) (i % 4 === 0 ? kept : dropped).push({ n: i, text: `x${i}` });
dropped = undefined;
// The old space, where the objects live: the whole heap also counts the young generation and code, which do not change.
const heap = (): { total: number; used: number } => {
  const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!;
  return { total: old.space_size, used: old.space_used_size };
};
fullCollection(gc, false);
const plain = heap();
fullCollection(gc, true);
const compacted = heap();
console.log(JSON.stringify({ plain, compacted, kept: kept.length }));
