/**
 * Warms up the edit path once, while the server is quiet after its first
 * lint of an open document. A fresh process runs an edit's code (the text
 * update, re-parsing around the edit, the per-paragraph analyses, the
 * document-wide passes, the conversion to diagnostics and their JSON)
 * unoptimised until V8 has seen it run many times: on the bench's 300 KB
 * draft the first 60 edits cost about twice what later ones do, and they
 * set the p95 of a writer's first minute of typing. So, when the server has
 * been quiet for a moment after the first lint (the writer is reading),
 * it replays a short series of edits on a copy of that document, in a
 * `Linter` of its own, one lint per turn of the event loop: a real message
 * waits at most one of those lints, and the first real work stops the
 * warm-up for good (real edits warm the code as well). The copy is cut to
 * {@link WARM_UP_MAX_CHARS}: in-process, on copies of the bench's 300 KB
 * and 2 MB drafts, the 120 lints took 1.1-1.2 s, the median one 7 ms, the
 * first (the whole copy, from warm caches) and the slowest 55-60 ms. The copy is the document's paragraphs from its middle on, then
 * those before: the same paragraphs, so the engine's content caches already
 * hold them, but not the same text at either end, so the engine's memory of
 * the last versions it parsed (found by shared ends) keeps the document's
 * own version beside the copy's. Nothing it computes reaches a client.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Linter, type DocumentLanguage } from '../engine';
import { toDiagnostics } from './diagnostics';

/** The document a warm-up copies. */
export interface WarmUpDocument {
  readonly uri: string;
  readonly languageId: DocumentLanguage;
  readonly text: string;
}

/** What a warm-up did, for the log. */
export interface WarmUpEvent {
  readonly lints: number;
  readonly ms: number;
  /** Whether real work stopped it before its last lint. */
  readonly stopped: boolean;
}

/** What the warm-up needs from the process; parameters so that tests can drive it with fake timers. */
export interface WarmUpOptions {
  /** How long the server must have done no work after a lint before the warm-up starts. */
  readonly quietMs: number;
  /** How many lints (edits and their undoing) it runs. */
  readonly lints: number;
  /** The longest prefix of the document it copies. */
  readonly maxChars: number;
  /** Runs `step` on a later turn of the event loop, after pending I/O (`setImmediate`). */
  readonly later?: (step: () => void) => void;
  readonly onDone?: (event: WarmUpEvent) => void;
}

/** Default quiet spell: long enough that the writer has stopped to read, short against the seconds before they type. */
export const WARM_UP_QUIET_MS = 500;
/** Default series: on the 300 KB draft, the edits after about the 60th no longer got faster; each edit is two lints. */
export const WARM_UP_LINTS = 120;
/** Default copy: a lint of an edit of a 256 KB draft is one turn of 5-10 ms here (up to 60 ms for a few), the most a real message waits for it. */
export const WARM_UP_MAX_CHARS = 256 * 1024;

/** Warms the edit path up once (see the module comment). */
export class EditWarmUp {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set once a warm-up started or the server shut down: there is never a second one. */
  private started = false;
  /** Bumped by every piece of real work; a running warm-up stops when it moves. */
  private work = 0;

  constructor(private readonly options: WarmUpOptions) {}

  /** Called after each lint run, with the open document a warm-up would copy: the quiet spell starts again from now. */
  workDone(source: () => WarmUpDocument | undefined): void {
    this.interrupt();
    if (this.started) return;
    this.timer = setTimeout(() => this.start(source()), this.options.quietMs);
    this.timer.unref?.();
  }

  /** Called when real work arrives (a document opens or changes): a running warm-up stops, a pending one waits. */
  interrupt(): void {
    this.work++;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops it for good (at shutdown). */
  dispose(): void {
    this.interrupt();
    this.started = true;
  }

  private start(document: WarmUpDocument | undefined): void {
    this.timer = undefined;
    if (this.started || !document || document.text.length === 0) return;
    this.started = true;
    const work = this.work;
    const later = this.options.later ?? setImmediate;
    const replay = replayEdits(document, this.options.maxChars);
    const began = performance.now();
    let lints = 0;
    const step = (): void => {
      const stopped = this.work !== work;
      if (stopped || lints >= this.options.lints) {
        this.options.onDone?.({ lints, ms: performance.now() - began, stopped });
        return;
      }
      replay();
      lints++;
      later(step);
    };
    later(step);
  }
}

/**
 * A function that makes one edit of a copy of `document` (see
 * {@link warmUpText}) and lints it as the server would (text update, lint,
 * diagnostics, their JSON): a letter inserted at a seeded position, then, on
 * the next call, that letter removed.
 */
export function replayEdits(document: WarmUpDocument, maxChars: number): () => TextDocument {
  const linter = new Linter();
  // Its own uri: nothing it lints can meet the real document's results.
  const uri = `${document.uri}#policylint-warm-up`;
  let copy = TextDocument.create(uri, document.languageId, 1, warmUpText(document.text, maxChars));
  const lookup = (other: string): TextDocument | undefined => (other === uri ? copy : undefined);
  let seed = 0x9e3779b9;
  let inserted: number | undefined;
  return () => {
    let change;
    if (inserted === undefined) {
      // A 32-bit linear congruential step: positions only need to spread over the text, the same in every run.
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      inserted = Math.floor((seed / 2 ** 32) * (copy.getText().length + 1));
      const at = copy.positionAt(inserted);
      change = { range: { start: at, end: at }, text: 'e' };
    } else {
      change = { range: { start: copy.positionAt(inserted), end: copy.positionAt(inserted + 1) }, text: '' };
      inserted = undefined;
    }
    copy = TextDocument.update(copy, [change], copy.version + 1);
    const [result] = linter.lint([{ uri, languageId: document.languageId, text: copy.getText() }]);
    JSON.stringify({ kind: 'full', resultId: String(copy.version), items: toDiagnostics(copy, result!.findings, lookup) });
    return copy;
  };
}

/**
 * The text a warm-up edits: the paragraphs of `text` from the first break
 * past its middle on, then those before it (see the module comment), cut at
 * the last paragraph break within `maxChars`.
 */
export function warmUpText(text: string, maxChars: number): string {
  const middle = text.indexOf('\n\n', text.length >> 1);
  const turned = middle < 0 ? text : `${text.slice(middle + 2)}\n\n${text.slice(0, middle)}\n`;
  if (turned.length <= maxChars) return turned;
  const cut = turned.lastIndexOf('\n\n', maxChars);
  return cut > 0 ? turned.slice(0, cut + 1) : turned.slice(0, maxChars);
}
