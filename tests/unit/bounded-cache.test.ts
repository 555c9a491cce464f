// Issue #8: the content-keyed caches behind incremental linting keep what
// each run uses and let go of what nothing uses any more (old versions of
// an edited paragraph), within bounds on entries and on characters of keys.
import { describe, expect, it } from 'vitest';
import { BoundedCache, clearContentCaches } from '../../server/src/engine/cache';

describe('bounded cache', () => {
  it('computes once per key while the key is in use', () => {
    const cache = new BoundedCache<string, number>(100);
    let computed = 0;
    const compute = (key: string): number => (computed++, key.length);
    for (let run = 0; run < 50; run++) for (const key of ['a', 'bb', 'ccc']) expect(cache.get(key, compute)).toBe(key.length);
    expect(computed).toBe(3);
  });

  it('keeps the keys every run uses while unused versions come and go', () => {
    const cache = new BoundedCache<string, string>(40);
    // Forty entries per generation: at most eighty in all.
    const live = Array.from({ length: 10 }, (_, i) => `paragraph ${i}`);
    let recomputed = 0;
    for (let edit = 0; edit < 500; edit++) {
      // Each run reads the document's paragraphs and adds one new version of the edited one.
      for (const key of live) cache.get(key, (k) => (edit > 0 && recomputed++, k));
      cache.get(`version ${edit}`, (k) => k);
      expect(cache.size).toBeLessThanOrEqual(80);
    }
    expect(recomputed).toBe(0);
    // Versions from long ago are gone; the last one is still there.
    expect(cache.peek('version 0')).toBeUndefined();
    expect(cache.peek('version 499')).toBe('version 499');
  });

  it('bounds the characters of its keys, so a large edited paragraph does not pile up', () => {
    const cache = new BoundedCache<string, number>(100_000, 1_000_000);
    const big = 'x'.repeat(60_000);
    for (let edit = 0; edit < 200; edit++) cache.get(`${edit}${big}`, () => edit);
    // At most about a million characters: sixteen 60,000-character keys, not two hundred.
    expect(cache.size).toBeLessThanOrEqual(17);
    expect(cache.peek(`199${big}`)).toBe(199);
  });

  it('still keeps a single key larger than its whole character bound', () => {
    const cache = new BoundedCache<string, number>(10, 100);
    const huge = 'y'.repeat(10_000);
    expect(cache.get(huge, () => 1)).toBe(1);
    expect(cache.peek(huge)).toBe(1);
  });

  it('counts only large keys towards the character bound, so ordinary paragraphs fill it by number', () => {
    const cache = new BoundedCache<string, number>(1_000, 10);
    const keys = Array.from({ length: 400 }, (_, i) => `${i} ${'word '.repeat(100)}`);
    for (const key of keys) cache.get(key, () => 1);
    expect(keys.every((key) => cache.peek(key) === 1)).toBe(true);
  });

  it('looks among recent entries only with peekRecent, moving nothing', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.get('a', () => 1);
    cache.get('b', () => 2);
    // A third entry turns the young generation (a, b) old.
    cache.get('c', () => 3);
    expect(cache.peekRecent('c')).toBe(3);
    expect(cache.peekRecent('a')).toBeUndefined();
    // Still there, and only get or peek moves it up.
    expect(cache.peek('a')).toBe(1);
    expect(cache.peekRecent('a')).toBe(1);
  });

  it('counts every key when told to, for caches of pieces and sentences that each edit makes anew', () => {
    const cache = new BoundedCache<string, number>(5_000, 100_000, 0);
    const piece = 'z'.repeat(4_000);
    for (let edit = 0; edit < 1_000; edit++) cache.get(`${edit}${piece}`, () => edit);
    // About 100,000 characters of 4,000-character keys: some 25, not a thousand.
    expect(cache.size).toBeLessThanOrEqual(26);
    expect(cache.peek(`999${piece}`)).toBe(999);
  });
});

describe('clearContentCaches', () => {
  it('empties every cache made and says how many entries they held', () => {
    const first = new BoundedCache<string, number>(10);
    const second = new BoundedCache<string, number>(10);
    for (const key of ['a', 'b', 'c']) first.get(key, () => 1);
    second.get('d', () => 2);
    expect(clearContentCaches()).toBeGreaterThanOrEqual(4);
    expect(first.size).toBe(0);
    expect(second.size).toBe(0);
    expect(first.get('a', () => 3)).toBe(3);
  });
});
