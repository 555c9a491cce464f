/**
 * The last few Markdown parses, kept so that parsing an edited version of
 * one of those texts reads only around the edit. The engine is handed whole
 * texts (an editor's document after each keystroke), so the edit is found
 * by comparing the new text with the kept ones at both ends (see
 * common-ends.ts), which costs far less than reading the text.
 */
import type { Block } from './model';
import { RecentVersions } from './common-ends';
import type { Segmentation } from './segments';

/**
 * A parsed run: its blocks at document offsets, for the run starting at
 * `start`. Blocks are immutable, so a document parsed again with the run at
 * the same place (every run before an edit, every run of an unchanged
 * document) gets these very objects: no copy, and no second set of blocks
 * kept by the cache beside the documents'. Only a run found elsewhere (after
 * an edit, or in another document) is copied to its new place, which then
 * becomes the entry's.
 */
export interface ParsedRun {
  blocks: readonly Block[];
  start: number;
  /** One huge segment parsed in pieces (see `parseHugeParagraph`), not a run of the parser's or the fast path's. */
  readonly pieces?: true;
}

/** A run as a parse placed it: its segments run from the index it is kept at to `to`. */
export interface PlacedRun {
  readonly to: number;
  readonly entry: ParsedRun;
}

/** What a parse of a text leaves for parsing an edited version of it. */
export interface PreviousParse {
  readonly text: string;
  readonly segmentation: Segmentation;
  /** What each run was parsed after (the definitions of the text). */
  readonly prefix: string;
  /** The runs placed, each at the index of its first segment. */
  readonly runs: readonly (PlacedRun | undefined)[];
}

/** How many parses are kept: one per document being edited, for a few documents edited in turn. */
const KEPT = 4;
const kept = new RecentVersions<PreviousParse>(KEPT, (parse) => parse.text);

/**
 * The kept parse that `text` shares most with, and how long the shared
 * start (`head`) and end (`tail`) are; undefined when none shares at least
 * half of `text` (a different document: reading around the "edit" would
 * save nothing).
 */
export function closestParse(text: string): { parse: PreviousParse; head: number; tail: number } | undefined {
  const found = kept.closest(text);
  return found && { parse: found.version, head: found.head, tail: found.tail };
}

/** Keeps `parse`, in place of `replaced` (the version it was an edit of), else of the oldest kept one. */
export function rememberParse(replaced: PreviousParse | undefined, parse: PreviousParse): void {
  kept.remember(parse, replaced);
}

/** Forgets every kept parse (for tests: the next parse is one without history). */
export function forgetParses(): void {
  kept.forget();
}
