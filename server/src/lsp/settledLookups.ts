/**
 * Disk lookups (which config file applies to a folder, what a folder's
 * ignore file says) cached by key until invalidated. A lint must not wait
 * for the disk on every keystroke, so each answer, once settled, can also be
 * read synchronously; an answer that settles after an invalidation is not
 * kept, since it may describe the disk before the change.
 */
export class SettledLookups<V> {
  private generation = 0;
  private readonly pending = new Map<string, Promise<V | null>>();
  private readonly settled = new Map<string, V | null>();

  /** `failed` is told about a lookup that rejected; its answer is then null. */
  constructor(private readonly failed: (key: string, error: unknown) => void) {}

  /** The settled answer for `key`: null for none, undefined while not looked up (or still running). */
  peek(key: string): V | null | undefined {
    return this.settled.get(key);
  }

  /** The answer for `key`, looked up once until {@link invalidate}. Never rejects. */
  get(key: string, lookUp: () => Promise<V | null>): Promise<V | null> {
    let known = this.pending.get(key);
    if (!known) {
      const generation = this.generation;
      known = lookUp()
        .catch((error: unknown) => {
          this.failed(key, error);
          return null;
        })
        .then((value) => {
          if (generation === this.generation) this.settled.set(key, value);
          return value;
        });
      this.pending.set(key, known);
    }
    return known;
  }

  /** Every settled answer. */
  answers(): IterableIterator<V | null> {
    return this.settled.values();
  }

  /** Forgets every answer: what they were read from changed. */
  invalidate(): void {
    this.generation++;
    this.pending.clear();
    this.settled.clear();
  }
}
