/**
 * The language server's idle collection (server/src/lsp/idleCollection.ts),
 * driven with fake timers and a fake heap: it collects only once the server
 * has been quiet, only when the heap grew enough, and once per quiet spell.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { IdleCollector, idleCollectorForProcess } from '../../server/src/lsp/idleCollection';

const RUN_TS = join(__dirname, '../../server/scripts/run-ts.mjs');
const COMPACT_CHILD = join(__dirname, 'compact-child.ts');
const SETTLE_CHILD = join(__dirname, 'settle-child.ts');

const MB = 1024 * 1024;

function collector(heap: { used: number }, freed: number, cache?: { entries: number }) {
  const collections: [number, number][] = [];
  const releases: number[] = [];
  const compacted: boolean[] = [];
  const idle = new IdleCollector({
    collect: (compact) => {
      compacted.push(compact);
      heap.used -= freed;
    },
    heapUsed: () => heap.used,
    quietMs: 5_000,
    minGrowthBytes: 32 * MB,
    ...(cache
      ? {
          release: () => {
            const entries = cache.entries;
            cache.entries = 0;
            return entries;
          },
          releaseAfterMs: 30_000,
          settleAfterMs: 6_000,
        }
      : {}),
    onCollected: ({ before, after, released }) => {
      collections.push([before / MB, after / MB]);
      releases.push(released);
    },
  });
  return { idle, collections, releases, compacted };
}

describe('IdleCollector', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('collects once the server has been quiet after work that grew the heap', () => {
    const heap = { used: 100 * MB };
    const { idle, collections } = collector(heap, 60 * MB);
    heap.used += 150 * MB;
    idle.workDone();
    vi.advanceTimersByTime(4_999);
    expect(collections).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(collections).toEqual([[250, 190]]);
    // One collection per quiet spell: no further work, no further collection.
    vi.advanceTimersByTime(60_000);
    expect(collections).toHaveLength(1);
  });

  it('waits while work goes on: each lint run starts the quiet spell again', () => {
    const heap = { used: 100 * MB };
    const { idle, collections } = collector(heap, 40 * MB);
    for (let keystroke = 0; keystroke < 20; keystroke++) {
      heap.used += 5 * MB;
      idle.workDone();
      vi.advanceTimersByTime(1_000);
    }
    expect(collections).toEqual([]);
    vi.advanceTimersByTime(4_000);
    expect(collections).toEqual([[200, 160]]);
  });

  it('does not collect when the heap grew less than the threshold since the last collection', () => {
    const heap = { used: 100 * MB };
    const { idle, collections } = collector(heap, 10 * MB);
    heap.used += 31 * MB;
    idle.workDone();
    vi.advanceTimersByTime(10_000);
    expect(collections).toEqual([]);
    // The baseline is the heap after the last collection, not the peak before it.
    heap.used += 2 * MB;
    idle.workDone();
    vi.advanceTimersByTime(5_000);
    expect(collections).toEqual([[133, 123]]);
    heap.used += 20 * MB;
    idle.workDone();
    vi.advanceTimersByTime(5_000);
    expect(collections).toHaveLength(1);
  });

  it('empties the caches after a longer quiet spell and collects what they held', () => {
    const heap = { used: 100 * MB };
    const cache = { entries: 0 };
    const { idle, collections, releases, compacted } = collector(heap, 20 * MB, cache);
    heap.used += 50 * MB;
    cache.entries = 9_000;
    idle.workDone();
    vi.advanceTimersByTime(5_000);
    expect(releases).toEqual([0]);
    // A keystroke before the longer spell is over: both spells start again, and the caches stay.
    vi.advanceTimersByTime(20_000);
    cache.entries += 10;
    idle.workDone();
    vi.advanceTimersByTime(29_999);
    expect(cache.entries).toBe(9_010);
    vi.advanceTimersByTime(1);
    expect(cache.entries).toBe(0);
    expect(releases).toEqual([0, 9_010]);
    expect(collections).toEqual([
      [150, 130],
      [130, 110],
    ]);
    // Only the collection after the release compacts: what the caches held is spread over pages that stay.
    expect(compacted).toEqual([false, true]);
    // Then, once V8 sees the allocation rate low, a last plain one, so that it shrinks its young generation.
    vi.advanceTimersByTime(5_999);
    expect(collections).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(compacted).toEqual([false, true, false]);
    expect(releases).toEqual([0, 9_010, 0]);
    // Nothing cached, nothing to collect for.
    idle.workDone();
    vi.advanceTimersByTime(60_000);
    expect(collections).toHaveLength(3);
  });

  it('drops the last collection when work comes back before it', () => {
    const heap = { used: 100 * MB };
    const cache = { entries: 50 };
    const { idle, compacted } = collector(heap, 0, cache);
    idle.workDone();
    vi.advanceTimersByTime(30_000);
    expect(compacted).toEqual([true]);
    vi.advanceTimersByTime(3_000);
    idle.workDone();
    // Only the quiet spell's own collection, if the heap grows: not the release's follow-up.
    vi.advanceTimersByTime(29_000);
    expect(compacted).toEqual([true]);
  });

  it('cancels a pending collection on dispose', () => {
    const heap = { used: 0 };
    const cache = { entries: 5 };
    const { idle, collections } = collector(heap, 0, cache);
    heap.used = 500 * MB;
    idle.workDone();
    idle.dispose();
    vi.advanceTimersByTime(60_000);
    expect(collections).toEqual([]);
    expect(cache.entries).toBe(5);
  });
});

describe('idleCollectorForProcess', () => {
  it('exists only when Node exposes gc (`--expose-gc`, as the VS Code client starts the server)', () => {
    const exposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
    expect(idleCollectorForProcess(() => 0, () => 0) !== undefined).toBe(exposed);
  });
});

describe('fullCollection', () => {
  it('compacting gives back the pages a plain full collection keeps (a child Node under --expose-gc)', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', RUN_TS, COMPACT_CHILD], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { plain, compacted } = JSON.parse(run.stdout) as Record<'plain' | 'compacted', { total: number; used: number }>;
    // The same live objects either way (about 20 MB); the plain collection keeps most of the pages they were spread
    // over (about 34 MB free when measured), the compacting one next to none (under 1 MB).
    expect(Math.abs(compacted.used - plain.used)).toBeLessThan(0.1 * plain.used);
    expect(plain.total - plain.used).toBeGreaterThan(Math.max(8e6, 4 * (compacted.total - compacted.used)));
  });
});

describe('the settling collection', () => {
  it('shrinks the young generation that a collection right after heavy allocation keeps (a child Node under --expose-gc)', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', RUN_TS, SETTLE_CHILD], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { atOnce, settled } = JSON.parse(run.stdout) as Record<'atOnce' | 'settled', number>;
    // Measured: 32 MB at once, 1 MB after the quiet.
    expect(atOnce).toBeGreaterThanOrEqual(8 * MB);
    expect(settled).toBeLessThanOrEqual(atOnce / 4);
  }, 30_000);
});
