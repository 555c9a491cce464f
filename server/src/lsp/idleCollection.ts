/**
 * Gives memory back to the system once the server has been quiet after heavy
 * work. V8 keeps the pages a burst of linting grew its heap into (opening a
 * thousand documents, a workspace scan, a run of edits on a long draft) and,
 * in a process that then only waits for messages, it does not start its own
 * memory reducer: measured with 1,000 corpus documents open, the RSS stayed at
 * about 600 MB through a quiet minute, and one full collection brought it to
 * about 460 MB within 20 seconds. The collection stops the server for a
 * moment (about 0.2 s with 450 MB of heap), so it runs only after a quiet
 * spell and only when the heap has grown by a fair amount since the last one.
 *
 * It needs the `gc` function that Node exposes under `--expose-gc`; the VS
 * Code client starts the server with that flag, and without it the server
 * runs as before. TypeScript's tsserver collects at idle in the same way.
 */

/** What the collector needs from the process; a parameter so that tests can drive it with fake timers and heaps. */
export interface IdleCollectionOptions {
  /** A full garbage collection (Node's `gc` under `--expose-gc`). */
  readonly collect: () => void;
  /** Bytes of heap in use, garbage included (V8's `used_heap_size`). */
  readonly heapUsed: () => number;
  /** How long the server must have done no work before collecting. */
  readonly quietMs: number;
  /** How much the heap must have grown since the last collection (or the start) to be worth a collection. */
  readonly minGrowthBytes: number;
  /** Told of each collection: the heap before and after, and how long it took. */
  readonly onCollected?: (before: number, after: number, ms: number) => void;
}

/** Default quiet spell: a writer's pause between sentences is shorter, so typing is not interrupted. */
export const IDLE_QUIET_MS = 5_000;
/** Default growth: a collection costs about 0.5 ms per MB of live heap, so a smaller gain is not worth a pause. */
export const IDLE_MIN_GROWTH_BYTES = 32 * 1024 * 1024;

/** Collects garbage after work, once the server has stayed quiet for a while (see the module comment). */
export class IdleCollector {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The heap in use after the last collection, or at the start. */
  private baseline: number;

  constructor(private readonly options: IdleCollectionOptions) {
    this.baseline = options.heapUsed();
  }

  /** Called after each piece of work (a lint run): the quiet spell starts again from now. */
  workDone(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.collectIfGrown(), this.options.quietMs);
    // A pending collection must not keep a server that was asked to exit alive.
    this.timer.unref?.();
  }

  /** Cancels a pending collection (at shutdown). */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private collectIfGrown(): void {
    this.timer = undefined;
    const before = this.options.heapUsed();
    if (before - this.baseline < this.options.minGrowthBytes) return;
    const started = performance.now();
    this.options.collect();
    this.baseline = this.options.heapUsed();
    this.options.onCollected?.(before, this.baseline, performance.now() - started);
  }
}

/**
 * A collector with the default quiet spell and growth when the process has
 * Node's `gc` (started with `--expose-gc`), else undefined.
 */
export function idleCollectorForProcess(heapUsed: () => number, onCollected?: IdleCollectionOptions['onCollected']): IdleCollector | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') return undefined;
  return new IdleCollector({
    collect: () => (gc as () => void)(),
    heapUsed,
    quietMs: IDLE_QUIET_MS,
    minGrowthBytes: IDLE_MIN_GROWTH_BYTES,
    ...(onCollected ? { onCollected } : {}),
  });
}
