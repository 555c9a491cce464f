/**
 * `--shard i/n`: which files a CI matrix job reports. Files are dealt round
 * robin in path order (the order discovery sorts them in, the same on every
 * machine), so shares differ in size by at most one file and every file
 * falls in exactly one share.
 */
import type { Shard } from './args';

/** Whether the file at `position` (in sorted order) belongs to `shard`; every file does without one. */
export function inShard(position: number, shard: Shard | undefined): boolean {
  return shard === undefined || position % shard.count === shard.index - 1;
}
