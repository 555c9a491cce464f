/** How to forget each kept history of recent texts (see {@link keepsHistory}). */
const histories: (() => void)[] = [];

/**
 * Registers a module's history of recent texts (the last versions of long
 * paragraphs or documents, kept so that an edited version is read only
 * around its edit), which {@link clearContentCaches} then forgets too: like
 * the caches, it speeds up the next edit and never changes a result.
 */
export function keepsHistory(forget: () => void): void {
  histories.push(forget);
}

/** Every cache made, weakly: a cache replaced by a new one (a changed configuration) is not kept alive by this list. */
const live: WeakRef<BoundedCache<unknown, unknown>>[] = [];

/**
 * Empties every content cache and returns how many entries they held. For a
 * long-running process that has been quiet a while (the language server):
 * the caches keep every block of every document linted, which an editor's
 * next edits mostly do not need (each document keeps its own last results),
 * and results never depend on them, only the time to recompute. The next edit
 * of a long paragraph then re-reads its sentences once.
 */
export function clearContentCaches(): number {
  for (const forget of histories) forget();
  let entries = 0;
  for (let i = live.length - 1; i >= 0; i--) {
    const cache = live[i]!.deref();
    if (cache) entries += cache.clear();
    else live.splice(i, 1);
  }
  return entries;
}

/** Text keys longer than this (a long paragraph, a run of segments) count towards a cache's character bound. */
export const LARGE_KEY = 8192;

/**
 * A bounded map for content-keyed caches: keys are texts (or hashes of
 * them), so entries never go stale, only unused.
 *
 * Two generations instead of one insertion-ordered map: new entries and
 * entries used again go into the young one, and when it is full the old one
 * is dropped and the young one becomes old. What a run uses (every block of
 * a document being edited) so stays, and what nothing uses any more (the
 * versions of a paragraph before the last few keystrokes) goes within two
 * turns. The first-in, first-out map this replaces dropped the oldest entries
 * even while every lint used them, and kept every unused version until the
 * entry count was reached. Also bounded by the characters of its large text
 * keys: a 60 KB paragraph edited a hundred times is a hundred large entries,
 * which an entry count alone let pile up (over 1 MB of heap per keystroke on
 * a 2 MB draft). Ordinary keys do not count there, so a workspace's worth of
 * paragraphs still fits under the entry count alone.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  /** Characters of the young generation's large text keys. */
  private youngChars = 0;

  /**
   * Up to `capacity` entries per generation (so that many used together
   * always fit), and about `maxChars` characters of text keys longer than
   * `largeKey` in all (half per generation). A cache whose every key is a
   * copy of some text that edits keep making anew (the pieces of a long
   * paragraph, its sentences) counts every key: `largeKey` 0.
   */
  constructor(
    private readonly capacity: number,
    private readonly maxChars = 8_000_000,
    private readonly largeKey = LARGE_KEY,
  ) {
    live.push(new WeakRef(this as BoundedCache<unknown, unknown>));
  }

  /** Drops every entry; returns how many there were. */
  clear(): number {
    const entries = this.size;
    this.young = new Map();
    this.old = new Map();
    this.youngChars = 0;
    return entries;
  }

  /** The cached value for `key`, computing and storing it on a miss. */
  get(key: K, compute: (key: K) => V): V {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    this.keep(key, value);
    return value;
  }

  /** The cached value for `key`, if any, without computing one. */
  peek(key: K): V | undefined {
    const young = this.young.get(key);
    if (young !== undefined) return young;
    const old = this.old.get(key);
    if (old !== undefined) {
      // Used again: it moves to the young generation, so it outlives the next turn.
      this.old.delete(key);
      this.keep(key, old);
    }
    return old;
  }

  /**
   * The cached value for `key` if it is in the young generation; never moves
   * an entry. For lookups by a slice of a larger text: moving an old entry
   * re-keys it under the key given, and a slice as a kept key would keep the
   * whole text it was cut from alive. Look up a copy with {@link get} when
   * this misses.
   */
  peekRecent(key: K): V | undefined {
    return this.young.get(key);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  private keep(key: K, value: V): void {
    const chars = typeof key === 'string' && key.length > this.largeKey ? key.length : 0;
    if (this.young.size > 0 && (this.young.size >= this.capacity || 2 * (this.youngChars + chars) > this.maxChars)) {
      this.old = this.young;
      this.young = new Map();
      this.youngChars = 0;
    }
    this.young.set(key, value);
    this.youngChars += chars;
  }
}
