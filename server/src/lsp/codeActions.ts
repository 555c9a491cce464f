/**
 * Code actions: each fix of a finding as a quick fix, "Show the earlier
 * copy" for findings with related locations, and `source.fixAll.policylint`
 * with exactly the edits the CLI's `--fix` would make (the engine's
 * `applySafeFixes` semantics), as separate text edits so the editor keeps
 * cursors and undo granular.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Location,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { applyEdits, applySafeFixes, fixesToOffer, lineFixSource, type Finding, type Fix, type LineFixSource, type TextEdit } from '../engine';
import { isRange, sameRange, toEngineLanguage, toLspRange, toLspTextEdit } from './convert';
import { updateConfigCommand } from './configCommand';
import { readDiagnosticData, SOURCE, type DocumentLookup } from './diagnostics';
import type { DocumentFindings } from './results';
import { displayName } from './uris';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.policylint`;

/** Opens a document and selects a range; arguments `[uri, range]`. The VS Code client implements it, other clients get it via `window/showDocument`. */
export const SHOW_LOCATION_COMMAND = 'policylint.showLocation';

/** Related locations offered per diagnostic; a paragraph pasted ten times needs no ten-entry menu. */
const MAX_LOCATION_ACTIONS = 5;

/** Rules whose related locations are earlier copies of the reported text. */
const COPY_RULES: ReadonlySet<string> = new Set(['repeated-paragraph', 'repeated-sentence']);

/** What code actions need from the server around them. */
export interface CodeActionDeps {
  readonly lookup: DocumentLookup;
  /** Fresh findings of the document, linting if needed: where quick fixes, related locations and fix-all come from. */
  readonly currentFindings: () => Promise<DocumentFindings | undefined>;
  /** Whether the client accepts versioned `documentChanges`, which it rejects if the text moved on. */
  readonly documentChanges: boolean;
  /** Whether the client can run {@link SHOW_LOCATION_COMMAND}; without it, no "Show" actions are offered. */
  readonly showLocation: boolean;
  /** Whether "Prefer '<form>'" and other fixes that write the project config file are offered (a file-system workspace). */
  readonly configCommands: boolean;
  readonly warn: (message: string) => void;
}

/** Whether an action of `kind` was asked for; kinds are hierarchical (`source.fixAll` covers ours). */
function wanted(only: readonly unknown[] | undefined, kind: string): boolean {
  if (!only) return true;
  return only.some((k) => typeof k === 'string' && (kind === k || kind.startsWith(`${k}.`)));
}

/**
 * Builds the workspace edit for engine edits whose offsets are valid for the
 * current versions of their documents; undefined when a target is not open.
 */
export function toWorkspaceEdit(
  doc: TextDocument,
  edits: readonly TextEdit[],
  lookup: DocumentLookup,
  documentChanges: boolean,
): WorkspaceEdit | undefined {
  const byUri = new Map<string, { target: TextDocument; edits: LspTextEdit[] }>();
  for (const edit of edits) {
    const uri = edit.uri ?? doc.uri;
    let group = byUri.get(uri);
    if (!group) {
      const target = uri === doc.uri ? doc : lookup(uri);
      if (!target) return undefined;
      group = { target, edits: [] };
      byUri.set(uri, group);
    }
    group.edits.push(toLspTextEdit(group.target, edit));
  }
  if (documentChanges) {
    return {
      documentChanges: [...byUri.entries()].map(([uri, group]) =>
        TextDocumentEdit.create({ uri, version: group.target.version }, group.edits),
      ),
    };
  }
  const changes: Record<string, LspTextEdit[]> = {};
  for (const [uri, group] of byUri) changes[uri] = group.edits;
  return { changes };
}

/**
 * The edits `applySafeFixes(text, findings, uri)` applies, individually:
 * the first safe fix of each finding, in order, if it stays in `uri` and
 * overlaps no edit already taken.
 */
export function selectSafeEdits(findings: readonly Finding[], uri: string): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((candidate) => candidate.safe);
    if (!fix) continue;
    if (fix.edits.some((edit) => edit.uri !== undefined && edit.uri !== uri)) continue;
    const clash = fix.edits.some((edit) =>
      taken.some(
        (other) =>
          (edit.range[0] < other.range[1] && other.range[0] < edit.range[1]) ||
          (edit.range[0] === other.range[0] && edit.range[1] === other.range[1]),
      ),
    );
    if (clash) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

/**
 * The fix-all edits for `doc`, checked against the engine's own
 * `applySafeFixes` so editor and CLI can never disagree: if the selection
 * above ever drifts from the engine, the engine's result wins as one edit.
 */
export function fixAllEdits(doc: TextDocument, findings: readonly Finding[], warn: (message: string) => void): TextEdit[] {
  const text = doc.getText();
  const edits = selectSafeEdits(findings, doc.uri);
  if (edits.length === 0) return [];
  try {
    const expected = applySafeFixes(text, findings, doc.uri).text;
    if (applyEdits(text, edits) === expected) return edits;
    warn('policylint: fix-all edit selection differs from the engine; replacing the document text instead');
    return [{ range: [0, text.length], newText: expected }];
  } catch (error) {
    // Overlapping or out-of-range fixes from the engine: offering nothing beats corrupting the text.
    warn(`policylint: fix-all skipped: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

/**
 * Where a diagnostic's related locations are: as the client sent them back
 * (already in lines), or, when it dropped them, from the current finding.
 */
async function relatedLocations(
  doc: TextDocument,
  diagnostic: Diagnostic,
  matching: () => Promise<Finding | undefined>,
  lookup: DocumentLookup,
): Promise<Location[]> {
  const sent: unknown = diagnostic.relatedInformation;
  if (Array.isArray(sent)) return sent.map(readLocation).filter((location) => location !== undefined);
  const locations: Location[] = [];
  for (const related of (await matching())?.related ?? []) {
    const target = related.uri === doc.uri ? doc : lookup(related.uri);
    if (target) locations.push({ uri: related.uri, range: toLspRange(target, related.range) });
  }
  return locations;
}

/**
 * The current finding a diagnostic shows: the one its data names when that
 * still has the diagnostic's rule and range, else the first that does (data
 * dropped by the client, or from another version).
 */
function findingFor(doc: TextDocument, diagnostic: Diagnostic, findings: readonly Finding[]): Finding | undefined {
  const shows = (finding: Finding | undefined): boolean =>
    finding !== undefined &&
    (diagnostic.code === undefined || finding.ruleId === diagnostic.code) &&
    sameRange(toLspRange(doc, finding.range), diagnostic.range);
  const data = readDiagnosticData(diagnostic.data);
  const named = data && data.version === doc.version ? findings[data.index] : undefined;
  return shows(named) ? named : findings.find(shows);
}

const lineSources = new WeakMap<TextDocument, { readonly version: number; readonly source: LineFixSource }>();

/** The document's text and line starts for line fixes, made once per version (a menu opened on each of many diagnostics asks again). */
function lineSourceOf(doc: TextDocument): LineFixSource {
  const known = lineSources.get(doc);
  if (known?.version === doc.version) return known.source;
  const source = lineFixSource(doc.getText(), toEngineLanguage(doc.languageId) ?? 'plaintext');
  lineSources.set(doc, { version: doc.version, source });
  return source;
}

function quickFixes(
  doc: TextDocument,
  diagnostic: Diagnostic,
  fixes: readonly Fix[],
  deps: CodeActionDeps,
): CodeAction[] {
  const preferred = fixes.find((fix) => fix.safe);
  const actions: CodeAction[] = [];
  for (const fix of fixes) {
    if (fix.config) {
      // Settled in the project file, which the server writes: a command, not an edit.
      if (deps.configCommands) {
        const command = updateConfigCommand(fix.title, doc.uri, fix.config);
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command });
      }
      continue;
    }
    const edit = toWorkspaceEdit(doc, fix.edits, deps.lookup, deps.documentChanges);
    if (!edit) continue;
    const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
    if (fix === preferred) action.isPreferred = true;
    actions.push(action);
  }
  return actions;
}

function readLocation(value: unknown): Location | undefined {
  const location = (value as { location?: { uri?: unknown; range?: unknown } } | null)?.location;
  if (typeof location !== 'object' || location === null || typeof location.uri !== 'string' || !isRange(location.range)) {
    return undefined;
  }
  return { uri: location.uri, range: location.range };
}

/** The title of a "Show" action, naming the place so that several copies can be told apart. */
export function showLocationTitle(ruleId: unknown, from: string, location: Location): string {
  const what = typeof ruleId === 'string' && COPY_RULES.has(ruleId) ? 'Show the earlier copy' : 'Show related location';
  const line = location.range.start.line + 1;
  const where = location.uri === from ? `line ${line}` : `line ${line} of ${displayName(location.uri)}`;
  return `${what} (${where})`;
}

function showLocationActions(doc: TextDocument, diagnostic: Diagnostic, locations: readonly Location[]): CodeAction[] {
  return locations.slice(0, MAX_LOCATION_ACTIONS).map((location) => {
    const title = showLocationTitle(diagnostic.code, doc.uri, location);
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title, command: SHOW_LOCATION_COMMAND, arguments: [location.uri, location.range] },
    };
  });
}

/**
 * Answers `textDocument/codeAction` for an open, lintable document. Anything
 * malformed in the request yields fewer actions, never an exception.
 */
export async function provideCodeActions(
  doc: TextDocument,
  params: CodeActionParams,
  deps: CodeActionDeps,
): Promise<CodeAction[]> {
  const context = (params as Partial<CodeActionParams>).context;
  const only = Array.isArray(context?.only) ? context.only : undefined;
  const diagnostics: unknown[] = Array.isArray(context?.diagnostics) ? context.diagnostics : [];

  let fresh: Promise<DocumentFindings | undefined> | undefined;
  const current = async (): Promise<readonly Finding[]> => {
    fresh ??= deps.currentFindings();
    const result = await fresh;
    return result && result.version === doc.version ? result.findings : [];
  };

  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) {
    for (const raw of diagnostics) {
      const diagnostic = raw as Diagnostic;
      if (typeof raw !== 'object' || raw === null || diagnostic.source !== SOURCE || !isRange(diagnostic.range)) continue;
      let match: Promise<Finding | undefined> | undefined;
      const matching = (): Promise<Finding | undefined> => (match ??= current().then((findings) => findingFor(doc, diagnostic, findings)));
      const finding = await matching();
      const fixes = finding ? fixesToOffer(lineSourceOf(doc), finding) : [];
      actions.push(...quickFixes(doc, diagnostic, fixes, deps));
      if (deps.showLocation) {
        const locations = await relatedLocations(doc, diagnostic, matching, deps.lookup);
        actions.push(...showLocationActions(doc, diagnostic, locations));
      }
    }
  }
  if (wanted(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(doc, await current(), deps.warn);
    const edit = edits.length > 0 ? toWorkspaceEdit(doc, edits, deps.lookup, deps.documentChanges) : undefined;
    if (edit) actions.push({ title: 'Fix all safe policylint problems', kind: FIX_ALL_KIND, edit });
  }
  return actions;
}
