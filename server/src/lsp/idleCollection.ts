/**
 * Gives memory back to the system once the server has been quiet after heavy
 * work. V8 keeps the pages a burst of linting grew its heap into (opening a
 * thousand documents, a workspace scan, a run of edits on a long draft) and,
 * in a process that then only waits for messages, it does not start its own
 * memory reducer: measured with 1,000 corpus documents open, the RSS stayed at
 * about 600 MB through a quiet minute, and one full collection brought it to
 * about 460 MB within a minute. A collection stops the server for a moment
 * (about 0.3 s with 450 MB of heap), so it runs only after a quiet spell and
 * only when the heap has grown by a fair amount since the last one.
 *
 * After a longer quiet spell the engine's content caches are emptied too
 * (parsed blocks, claim analyses, mentions of every document linted): they
 * speed up the next edits, not the results, and a writer who has been away
 * for half a minute pays for them with one slower keystroke per long
 * paragraph, against about 50 MB with 1,000 documents open.
 *
 * That collection compacts the heap. What the caches held is scattered over
 * pages that also hold what stays, and a plain full collection evacuates
 * only the pages V8 judges most fragmented: with 1,000 documents open and
 * pulled, the heap in use fell to 275 MB but V8 kept 468 MB of pages, and
 * the RSS stayed at 578-594 MB in four runs (about 400 MB in two runs
 * the day before, when V8 happened to compact enough). Compacting that
 * collection keeps 289 MB of pages, and the RSS settled at 398-434 MB in
 * four runs, for a pause of 0.4-0.5 s instead of 0.17 s, once, after 30 s
 * of quiet.
 *
 * A collection within about 5 s of heavy allocation leaves V8's young
 * generation at the size it grew to (32 MB), and releasing the caches
 * allocates: it digests every converted diagnostics list (42 MB of JSON
 * with 1,000 documents pulled). So a last, plain collection follows the
 * release's after {@link IDLE_SETTLE_MS} more of quiet, when V8 sees the
 * allocation rate low and shrinks the young generation (to 1 MB here).
 * With 1,000 documents opened and pulled, the release's collection left the
 * young generation at 32 MB and the RSS at rest at 405-418 MB; with
 * documents only opened (nothing digested) it had shrunk to 1 MB.
 *
 * Collecting needs the `gc` function that Node exposes under `--expose-gc`;
 * the VS Code client starts the server with that flag, and without it the
 * server runs as before. TypeScript's tsserver collects at idle in the same way.
 */

import { setFlagsFromString } from 'node:v8';

/** What the collector needs from the process; a parameter so that tests can drive it with fake timers and heaps. */
export interface IdleCollectionOptions {
  /**
   * A full garbage collection (Node's `gc` under `--expose-gc`); with
   * `compact`, one that also moves live objects together so that the pages
   * they were spread over go back to the system.
   */
  readonly collect: (compact: boolean) => void;
  /** Bytes of heap in use, garbage included (V8's `used_heap_size`). */
  readonly heapUsed: () => number;
  /** How long the server must have done no work before collecting. */
  readonly quietMs: number;
  /** How much the heap must have grown since the last collection (or the start) to be worth a collection. */
  readonly minGrowthBytes: number;
  /** Empties caches and says how many entries they held; run after `releaseAfterMs` of quiet, then collected. */
  readonly release?: () => number;
  readonly releaseAfterMs?: number;
  /** Quiet after the release's collection before a last, plain one (see the module comment); none when undefined. */
  readonly settleAfterMs?: number;
  /** Told of each collection: the heap before and after, how long it took, and how many cache entries were released first. */
  readonly onCollected?: (event: { readonly before: number; readonly after: number; readonly ms: number; readonly released: number }) => void;
}

/** Default quiet spell: a writer's pause between sentences is shorter, so typing is not interrupted. */
export const IDLE_QUIET_MS = 5_000;
/** Default growth: a collection costs about 0.5 ms per MB of live heap, so a smaller gain is not worth a pause. */
export const IDLE_MIN_GROWTH_BYTES = 32 * 1024 * 1024;
/** Default quiet spell before the content caches go: long enough that a writer has stopped, not paused. */
export const IDLE_RELEASE_MS = 30_000;
/** Default quiet after the release's collection before the last one: past V8's 5 s window of allocation rate. */
export const IDLE_SETTLE_MS = 6_000;

/** Collects garbage after work, once the server has stayed quiet for a while (see the module comment). */
export class IdleCollector {
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The heap in use after the last collection, or at the start. */
  private baseline: number;

  constructor(private readonly options: IdleCollectionOptions) {
    this.baseline = options.heapUsed();
  }

  /** Called after each piece of work (a lint run): the quiet spells start again from now. */
  workDone(): void {
    this.dispose();
    this.quietTimer = unref(setTimeout(() => this.collectIfGrown(), this.options.quietMs));
    const { release, releaseAfterMs } = this.options;
    if (release && releaseAfterMs !== undefined) this.releaseTimer = unref(setTimeout(() => this.releaseAndCollect(release), releaseAfterMs));
  }

  /** Cancels pending collections (at shutdown). */
  dispose(): void {
    clearTimeout(this.quietTimer);
    clearTimeout(this.releaseTimer);
    clearTimeout(this.settleTimer);
    this.quietTimer = this.releaseTimer = this.settleTimer = undefined;
  }

  private collectIfGrown(): void {
    this.quietTimer = undefined;
    if (this.options.heapUsed() - this.baseline >= this.options.minGrowthBytes) this.collectNow(0);
  }

  private releaseAndCollect(release: () => number): void {
    this.releaseTimer = undefined;
    const released = release();
    // What the caches held is spread over pages that also hold what stays: only a compacting collection frees them.
    if (released === 0) return;
    this.collectNow(released, true);
    const { settleAfterMs } = this.options;
    if (settleAfterMs !== undefined) {
      this.settleTimer = unref(
        setTimeout(() => {
          this.settleTimer = undefined;
          this.collectNow(0);
        }, settleAfterMs),
      );
    }
  }

  private collectNow(released: number, compact = false): void {
    const before = this.options.heapUsed();
    const started = performance.now();
    this.options.collect(compact);
    this.baseline = this.options.heapUsed();
    this.options.onCollected?.({ before, after: this.baseline, ms: performance.now() - started, released });
  }
}

/** A pending collection must not keep a server that was asked to exit alive. */
function unref(timer: ReturnType<typeof setTimeout>): ReturnType<typeof setTimeout> {
  timer.unref?.();
  return timer;
}

/**
 * A full collection with `gc` (Node's, under `--expose-gc`); with `compact`,
 * one that moves live objects together and gives the pages it empties back.
 */
export function fullCollection(gc: () => void, compact: boolean): void {
  if (!compact) return gc();
  // V8 evacuates only the pages it judges most fragmented, unless told to compact; it reads the flag per collection,
  // so it is set for this one only.
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}

/**
 * A collector with the default quiet spells and growth when the process has
 * Node's `gc` (started with `--expose-gc`), else undefined.
 */
export function idleCollectorForProcess(
  heapUsed: () => number,
  release: () => number,
  onCollected?: IdleCollectionOptions['onCollected'],
): IdleCollector | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') return undefined;
  return new IdleCollector({
    collect: (compact) => fullCollection(gc as () => void, compact),
    heapUsed,
    quietMs: IDLE_QUIET_MS,
    minGrowthBytes: IDLE_MIN_GROWTH_BYTES,
    release,
    releaseAfterMs: IDLE_RELEASE_MS,
    settleAfterMs: IDLE_SETTLE_MS,
    ...(onCollected ? { onCollected } : {}),
  });
}
