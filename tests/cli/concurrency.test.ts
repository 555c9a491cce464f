import { describe, expect, it } from 'vitest';
import { FILES_PER_WORKER, resolveConcurrency } from '../../server/src/cli/pool';

describe('resolveConcurrency', () => {
  it('keeps auto in the main thread on two cores, however many files', () => {
    expect(resolveConcurrency('auto', 5_000, 2)).toBe(1);
    expect(resolveConcurrency('auto', 5_000, 1)).toBe(1);
  });

  it('uses one worker per two cores for large runs, and no more than one per FILES_PER_WORKER files', () => {
    expect(resolveConcurrency('auto', 5_000, 8)).toBe(4);
    expect(resolveConcurrency('auto', 5_000, 5)).toBe(2);
    expect(resolveConcurrency('auto', 2 * FILES_PER_WORKER, 8)).toBe(2);
    expect(resolveConcurrency('auto', FILES_PER_WORKER - 1, 8)).toBe(1);
  });

  it('takes a number as given, but never more threads than files', () => {
    expect(resolveConcurrency(3, 100, 2)).toBe(3);
    expect(resolveConcurrency(4, 2, 8)).toBe(2);
    expect(resolveConcurrency(1, 100, 8)).toBe(1);
  });
});
