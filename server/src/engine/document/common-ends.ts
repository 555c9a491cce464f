/**
 * How much two texts share at their start and at their end: an edited
 * document against its previous version, so only the part between is read
 * again. Compared in growing chunks by native string equality (a slice of
 * a flat string is a view, and equality compares memory), then character by
 * character inside the chunk that differs: an edit in a 2 MB draft costs
 * a few dozen comparisons instead of a million character reads.
 */

/** The smallest chunk compared natively; V8 copies slices shorter than 13 characters rather than viewing them. */
const MIN_CHUNK = 16;

/** How many characters `a` and `b` share at their start. */
export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  for (let size = 256; size >= MIN_CHUNK; ) {
    if (i + size <= limit && a.slice(i, i + size) === b.slice(i, i + size)) {
      i += size;
      size *= 2;
    } else size >>= 1;
  }
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters `a` and `b` share at their end, at most `limit` (so the shared start and end do not overlap). */
export function commonSuffixLength(a: string, b: string, limit: number): number {
  const max = Math.min(limit, a.length, b.length);
  let n = 0;
  for (let size = 256; size >= MIN_CHUNK; ) {
    if (n + size <= max && a.slice(a.length - n - size, a.length - n) === b.slice(b.length - n - size, b.length - n)) {
      n += size;
      size *= 2;
    } else size >>= 1;
  }
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/**
 * The last few versions of texts a module read (parses, long paragraphs'
 * words), kept so that an edited version is read only around its edit: the
 * version it edits is the kept one sharing most with it at its two ends.
 */
export class RecentVersions<T> {
  private readonly versions: T[] = [];

  /** Keeps at most `limit` versions; `textOf` is the text each was read from. */
  constructor(
    private readonly limit: number,
    private readonly textOf: (version: T) => string,
  ) {}

  /**
   * The kept version that `text` shares most with at its two ends, with
   * the length of the shared start (`head`) and end (`tail`); undefined
   * when none shares at least half of `text`: a different text, where
   * reading only around the "edit" would save nothing.
   */
  closest(text: string): { readonly version: T; readonly head: number; readonly tail: number } | undefined {
    let best: { version: T; head: number; tail: number } | undefined;
    for (const version of this.versions) {
      const other = this.textOf(version);
      const head = commonPrefixLength(other, text);
      const tail = commonSuffixLength(other, text, Math.min(other.length, text.length) - head);
      if (!best || head + tail > best.head + best.tail) best = { version, head, tail };
    }
    return best && (best.head + best.tail) * 2 >= text.length ? best : undefined;
  }

  /** Keeps `version`, in place of `replaced` (the version it was an edit of), else of the oldest kept one. */
  remember(version: T, replaced: T | undefined): void {
    const at = replaced === undefined ? -1 : this.versions.indexOf(replaced);
    if (at >= 0) this.versions.splice(at, 1);
    else if (this.versions.length >= this.limit) this.versions.shift();
    this.versions.push(version);
  }

  /** Forgets every kept version. */
  forget(): void {
    this.versions.length = 0;
  }
}
