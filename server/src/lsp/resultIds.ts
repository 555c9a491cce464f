/**
 * Result ids of diagnostics lists: the pull `resultId`, the workspace
 * report's id, and what the push model compares to skip a redundant
 * publish. An id must change whenever a document's list changes and should
 * stay the same when an edit elsewhere leaves it as it was. Hashing the
 * JSON of every list did both, but costs a serialisation and a digest of
 * the whole list (a megabyte on a long draft) per keystroke. Instead each
 * uri remembers its last list: an equal list keeps its id, any other gets
 * a fresh one. The comparison stops at the first difference, which for the
 * document being edited is its first diagnostic (`data.version` moved).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Diagnostic } from 'vscode-languageserver';
import equal from 'fast-deep-equal';

/** The resultId of "no diagnostics": a file that was deleted, ignored or closed outside the scan. */
export const EMPTY_RESULT_ID = 'empty';

/** Hands out result ids per uri; see the module comment. */
export class ResultIds {
  /** Ids from an earlier server process must never match: a client may keep them across a restart. */
  private readonly session = randomBytes(6).toString('base64url');
  private counter = 0;
  /** Per uri, the last list and its id; a list compacted while the server was quiet is held as a digest of its JSON instead. */
  private readonly last = new Map<string, { readonly diagnostics?: readonly Diagnostic[]; readonly digest?: string; readonly id: string }>();

  /** The id of `diagnostics` as the list of `uri`: the last one given for `uri` if the lists are equal, else a new one. */
  idFor(uri: string, diagnostics: readonly Diagnostic[]): string {
    if (diagnostics.length === 0) {
      this.last.delete(uri);
      return EMPTY_RESULT_ID;
    }
    const before = this.last.get(uri);
    const same = before && (before.diagnostics ? equal(before.diagnostics, diagnostics) : before.digest === digestOf(diagnostics));
    const id = same ? before.id : `${this.session}.${(this.counter++).toString(36)}`;
    this.last.set(uri, { diagnostics, id });
    return id;
  }

  /**
   * Holds every list as a digest of its JSON rather than the list, and
   * returns how many lists that let go. For a quiet server: with 1,000
   * documents pulled, the lists were about 40 MB of heap kept only to be
   * compared with the next list of the same document; a digest gives the
   * same answer, at the cost of serialising that next list once.
   */
  compact(): number {
    let compacted = 0;
    for (const [uri, entry] of this.last) {
      if (!entry.diagnostics) continue;
      this.last.set(uri, { digest: digestOf(entry.diagnostics), id: entry.id });
      compacted++;
    }
    return compacted;
  }

  /** Forgets the uris `keep` refuses (files gone from the lint), so their lists are not held for the rest of the session. */
  prune(keep: (uri: string) => boolean): void {
    for (const uri of this.last.keys()) if (!keep(uri)) this.last.delete(uri);
  }
}

/** SHA-256 of a list's JSON: equal lists give equal digests, as the JSON of equal lists is the same string. */
function digestOf(diagnostics: readonly Diagnostic[]): string {
  return createHash('sha256').update(JSON.stringify(diagnostics)).digest('base64url');
}
