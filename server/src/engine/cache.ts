/**
 * A size-bounded map for content-keyed caches: keys are texts (or hashes of
 * them), so entries never go stale, only unused; the oldest are dropped first.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  /** The cached value for `key`, computing and storing it on a miss. */
  get(key: K, compute: (key: K) => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (this.entries.size >= this.capacity) {
      // Map iteration order is insertion order: drop the oldest tenth at once.
      let drop = Math.max(1, this.capacity >> 3);
      for (const old of this.entries.keys()) {
        this.entries.delete(old);
        if (--drop === 0) break;
      }
    }
    this.entries.set(key, value);
    return value;
  }

  /** The cached value for `key`, if any, without computing one. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
