/**
 * The text of workspace files as last read from disk, by canonical URI. Open
 * documents shadow these entries (the server decides that, not the index);
 * the index only has to be current with the disk.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintLanguageOf } from '../engine';
import { isUnder } from './uris';

/**
 * Disk snapshots as `TextDocument`s, so related locations and diagnostics in
 * unopened files convert to lines like open ones. Their versions are
 * negative and never reused: an editor's versions are positive, so a result
 * computed for the disk text can never pass for one computed for an open
 * document of the same URI (in the result cache or in `diagnostic.data`).
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, TextDocument>();
  private nextVersion = -1;

  get size(): number {
    return this.files.size;
  }

  get(uri: string): TextDocument | undefined {
    return this.files.get(uri);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  values(): IterableIterator<TextDocument> {
    return this.files.values();
  }

  /** Stores `text` for canonical `uri`; false when it was already there unchanged (nothing to re-lint). */
  set(uri: string, text: string): boolean {
    const known = this.files.get(uri);
    if (known && known.getText() === text) return false;
    const languageId = lintLanguageOf(uri);
    this.files.set(uri, TextDocument.create(uri, languageId, this.nextVersion--, text));
    return true;
  }

  /** Drops `uri` and, for a deleted folder, everything below it; returns what was dropped. */
  deleteUnder(uri: string): string[] {
    const dropped: string[] = [];
    for (const known of this.files.keys()) if (isUnder(known, uri)) dropped.push(known);
    for (const known of dropped) this.files.delete(known);
    return dropped;
  }

  /**
   * Makes the entries under `folder` exactly `texts` (a fresh scan of it);
   * returns the URIs that changed, appeared or went away.
   */
  replaceFolder(folder: string, texts: ReadonlyMap<string, string>): string[] {
    const changed: string[] = [];
    for (const known of [...this.files.keys()]) {
      if (isUnder(known, folder) && !texts.has(known)) {
        this.files.delete(known);
        changed.push(known);
      }
    }
    for (const [uri, text] of texts) if (this.set(uri, text)) changed.push(uri);
    return changed;
  }
}
