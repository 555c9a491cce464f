/**
 * Run by idle-collection.test.ts under `node --expose-gc`: allocates short-lived
 * objects until the young generation has grown (as linting does), collects at
 * once, then again after the idle collector's settling quiet, and prints the
 * young generation's size after each as JSON.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { IDLE_SETTLE_MS } from '../../server/src/lsp/idleCollection';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('settle-child: run under --expose-gc');
const young = (): number => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size;
let recent: object[] = [];
for (let i = 0; i < 3_000_000; i++) {
  recent.push({ n: i, text: `x${i}` });
  if (recent.length > 200_000) recent = [];
}
recent = [];
gc();
const atOnce = young();
setTimeout(() => {
  gc();
  console.log(JSON.stringify({ atOnce, settled: young() }));
}, IDLE_SETTLE_MS);
