/**
 * End-to-end tests of the built language server over stdio: what a real
 * editor sees, in both the pull (LSP 3.17) and push diagnostic models.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit, BASELINE_RULES, editsFor, SERVER_PATH, TestServer } from './harness';

const FIXTURE_PATH = fileURLToPath(new URL('../fixtures/seed-article.txt', import.meta.url));
const FIXTURE_URI = pathToFileURL(FIXTURE_PATH).href;
const ORIGINAL = readFileSync(FIXTURE_PATH, 'utf8');
const LINES = ORIGINAL.split('\n');
/** The draft with its repeats removed: lines 1–3 exactly as they are in the original. */
const FIRST_THREE = LINES.slice(0, 3).join('\n');

const codeActionSupport: ClientCapabilities['textDocument'] = {
  codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
  publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [DiagnosticTag.Unnecessary] } },
};

function paragraphFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === 'repeated-paragraph');
}

function byLine(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
}

/** Checks the fixture's two findings: later copies on lines 3 and 4 pointing at lines 1 and 2. */
function expectSeedFindings(diagnostics: readonly Diagnostic[], uri: string): void {
  const sorted = byLine(diagnostics);
  expect(sorted.map((d) => d.code)).toEqual(['repeated-paragraph', 'repeated-paragraph']);
  expect(sorted.map((d) => [d.range.start.line, d.range.end.line])).toEqual([
    [3, 3],
    [4, 4],
  ]);
  expect(sorted.map((d) => [d.range.start.character, d.range.end.character])).toEqual([
    [0, LINES[3]!.length],
    [0, LINES[4]!.length],
  ]);
  sorted.forEach((diagnostic, index) => {
    expect(diagnostic.source).toBe('policylint');
    expect(diagnostic.severity).toBe(DiagnosticSeverity.Warning);
    expect(diagnostic.tags).toEqual([DiagnosticTag.Unnecessary]);
    expect(diagnostic.relatedInformation).toHaveLength(1);
    const related = diagnostic.relatedInformation![0]!;
    expect(related.location.uri).toBe(uri);
    expect(related.location.range.start).toEqual({ line: index + 1, character: 0 });
    expect(related.location.range.end).toEqual({ line: index + 1, character: LINES[index + 1]!.length });
  });
}

describe('pull diagnostics (client supports textDocument/diagnostic)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = TestServer.spawn();
    server.settings = { rules: BASELINE_RULES };
    const result = await server.initialize({
      textDocument: { ...codeActionSupport, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
        workspaceEdit: { documentChanges: true },
      },
    });
    expect(result.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: TextDocumentSyncKind.Incremental });
    expect(result.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true, workspaceDiagnostics: true });
    expect(result.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.policylint'] });
  });

  // A failed test must not leave documents open: they would add cross-file findings to the next one.
  afterEach(async () => {
    if (server.process.exitCode !== null) return;
    for (const uri of [...server.documents.keys()]) await server.close(uri);
  });
  afterAll(() => server.kill());

  it('registers for changes of the policylint and files.exclude sections', async () => {
    const params = await server.registrations.next();
    expect(params.registrations[0]).toMatchObject({
      method: 'workspace/didChangeConfiguration',
      registerOptions: { section: ['policylint', 'files.exclude'] },
    });
  });

  it('reports both repeated paragraphs with related information, reading settings for the document', async () => {
    await server.open(FIXTURE_URI, 'plaintext', ORIGINAL);
    const items = await server.pullItems(FIXTURE_URI);
    expectSeedFindings(items, FIXTURE_URI);
    const request = await server.configurationRequests.next();
    expect(request.items).toEqual([{ scopeUri: FIXTURE_URI, section: 'policylint' }]);

    const first = await server.pull(FIXTURE_URI);
    expect(first.kind).toBe('full');
    const again = await server.pull(FIXTURE_URI, first.resultId);
    expect(again).toEqual({ kind: 'unchanged', resultId: first.resultId });
    await server.close(FIXTURE_URI);
  });

  it('offers a preferred delete fix per finding; fixing both leaves three paragraphs', async () => {
    await server.open(FIXTURE_URI, 'plaintext', ORIGINAL);
    const last = byLine(await server.pullItems(FIXTURE_URI))[1]!;

    const actions = await server.codeActions(FIXTURE_URI, last.range, [last], ['quickfix']);
    for (const action of actions) expect(action).toMatchObject({ kind: 'quickfix', diagnostics: [last] });
    const preferred = actions.filter((action) => action.isPreferred);
    expect(preferred.map((action) => action.title)).toEqual(['Delete repeated paragraph']);
    const [fix] = preferred;
    // The edit is versioned so a client rejects it once the text has moved on.
    expect(fix!.edit?.documentChanges?.[0]).toMatchObject({ textDocument: { uri: FIXTURE_URI, version: 1 } });
    const afterOne = applyWorkspaceEdit(server.doc(FIXTURE_URI), fix!.edit);
    expect(afterOne).toBe(LINES.slice(0, 4).join('\n'));

    // Send the fix as an incremental change, as an editor would after applying it.
    await server.change(FIXTURE_URI, editsFor(fix!.edit, FIXTURE_URI));
    const remaining = await server.pullItems(FIXTURE_URI);
    expect(remaining).toHaveLength(1);
    expect(remaining[0]!.range.start.line).toBe(3);
    expect(remaining[0]!.relatedInformation?.[0]?.location.range.start.line).toBe(1);

    const second = (await server.codeActions(FIXTURE_URI, remaining[0]!.range, remaining, ['quickfix'])).find((a) => a.isPreferred);
    const afterTwo = applyWorkspaceEdit(server.doc(FIXTURE_URI), second!.edit);
    expect(afterTwo).toBe(FIRST_THREE);

    await server.change(FIXTURE_URI, editsFor(second!.edit, FIXTURE_URI));
    expect(server.doc(FIXTURE_URI).getText()).toBe(FIRST_THREE);
    expect(await server.pullItems(FIXTURE_URI)).toEqual([]);
    await server.close(FIXTURE_URI);
  });

  it('fix-all applies every safe fix as separate, non-overlapping edits', async () => {
    await server.open(FIXTURE_URI, 'plaintext', ORIGINAL);
    await server.pullItems(FIXTURE_URI);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await server.codeActions(FIXTURE_URI, range, [], ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.policylint']);
    expect(editsFor(actions[0]!.edit, FIXTURE_URI)).toHaveLength(2);
    expect(applyWorkspaceEdit(server.doc(FIXTURE_URI), actions[0]!.edit)).toBe(FIRST_THREE);
    // A quick-fix request must not carry source actions it did not ask for.
    expect(await server.codeActions(FIXTURE_URI, range, [], ['quickfix'])).toEqual([]);
    await server.close(FIXTURE_URI);
  });

  it('re-lints when diagnostic data is malformed or stale, and survives bad requests', async () => {
    await server.open(FIXTURE_URI, 'plaintext', ORIGINAL);
    const target = byLine(await server.pullItems(FIXTURE_URI))[0]!;
    const goodActions = await server.codeActions(FIXTURE_URI, target.range, [target], ['quickfix']);
    const good = goodActions.find((action) => action.isPreferred);
    const expected = applyWorkspaceEdit(server.doc(FIXTURE_URI), good!.edit);
    expect(expected).toBe([...LINES.slice(0, 3), LINES[4]].join('\n'));

    const malformed: unknown[] = [
      'garbage',
      null,
      { ruleId: 42, version: 1, fixes: [] },
      { ruleId: 'repeated-paragraph', version: 1, fixes: [{ title: 'x', safe: true, edits: 'nope' }] },
      { ruleId: 'repeated-paragraph', version: 1, fixes: [{ title: 'x', safe: true, edits: [{ range: [-5, 2], newText: '' }] }] },
      { ruleId: 'repeated-paragraph', version: 99, fixes: [{ title: 'stale', safe: true, edits: [{ range: [0, 10], newText: '' }] }] },
    ];
    for (const data of malformed) {
      const actions = await server.codeActions(FIXTURE_URI, target.range, [{ ...target, data }], ['quickfix']);
      expect(actions.map((a) => a.title)).toEqual(goodActions.map((a) => a.title));
      const preferred = actions.find((a) => a.isPreferred);
      expect(applyWorkspaceEdit(server.doc(FIXTURE_URI), preferred!.edit)).toBe(expected);
    }

    // A diagnostic that matches no finding, a diagnostic without a range, a document never opened.
    const nowhere = { ...target, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, data: undefined };
    expect(await server.codeActions(FIXTURE_URI, target.range, [nowhere], ['quickfix'])).toEqual([]);
    expect(await server.codeActions(FIXTURE_URI, target.range, [{ source: 'policylint', data: {} }], ['quickfix'])).toEqual([]);
    expect(await server.codeActions('file:///never/opened.txt', target.range, [target])).toEqual([]);
    await expect(
      server.connection.sendRequest('textDocument/codeAction', { textDocument: 7, context: 'x' }),
    ).resolves.toEqual([]);
    await expect(server.connection.sendRequest('textDocument/diagnostic', {})).rejects.toThrow(/uri/);
    await expect(server.connection.sendRequest('textDocument/diagnostic', null)).rejects.toThrow();

    // Malformed notifications: no text, an unknown document, no version.
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///broken.txt', languageId: 'plaintext', version: 1 } });
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///unknown.txt', version: 2 }, contentChanges: [{ text: 'x' }] });
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: FIXTURE_URI }, contentChanges: [{ text: 'x' }] });
    await server.connection.sendNotification('textDocument/didOpen', null);
    await expect(server.pullItems('file:///broken.txt')).resolves.toEqual([]);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///broken.txt' } });

    // Still alive and still right.
    expectSeedFindings(await server.pullItems(FIXTURE_URI), FIXTURE_URI);
    await server.close(FIXTURE_URI);
  });

  it('ignores documents in other languages', async () => {
    const uri = pathToFileURL('/tmp/policylint-test/draft.js').href;
    await server.open(uri, 'javascript', ORIGINAL);
    expect(await server.pullItems(uri)).toEqual([]);
    await server.close(uri);
  });

  it('finds repeats across open documents', async () => {
    // The engine compares documents in uri order; this one sorts after the fixture, so it holds the later copy.
    const copyUri = new URL('zz-copy.md', FIXTURE_URI).href;
    await server.open(FIXTURE_URI, 'plaintext', ORIGINAL);
    await server.open(copyUri, 'markdown', `# Copy\n\n${LINES[2]}\n`);
    const items = await server.pullItems(copyUri);
    expect(items.map((d) => d.code)).toEqual(['repeated-paragraph']);
    expect(items[0]!.range.start.line).toBe(2);
    expect(items[0]!.relatedInformation?.[0]?.location).toMatchObject({ uri: FIXTURE_URI, range: { start: { line: 2 } } });
    // Same lint: the fixture's own findings come from the cache computed for the copy.
    expectSeedFindings(
      (await server.pullItems(FIXTURE_URI)).filter((d) => d.relatedInformation?.[0]?.location.uri === FIXTURE_URI),
      FIXTURE_URI,
    );
  });

  it('applies settings changes: refresh, then no diagnostics for a rule turned off', async () => {
    await server.open(FIXTURE_URI, 'plaintext', ORIGINAL);
    expect(await server.pullItems(FIXTURE_URI)).toHaveLength(2);

    server.settings = { enable: true, rules: { ...BASELINE_RULES, 'repeated-paragraph': 'off' } };
    // Only a refresh caused by the change below counts.
    server.refreshes.clear();
    const refreshed = server.refreshes.next();
    await server.configurationChanged();
    await refreshed;
    // Other rules (repeated sentences) may now speak up; the paragraph rule must be silent.
    expect(paragraphFindings(await server.pullItems(FIXTURE_URI))).toEqual([]);

    server.settings = { rules: { ...BASELINE_RULES, 'repeated-paragraph': 'error', 'no-such-rule': 'warning' }, enable: 'yes' };
    const refreshedAgain = server.refreshes.next();
    await server.configurationChanged();
    await refreshedAgain;
    const items = paragraphFindings(await server.pullItems(FIXTURE_URI));
    expect(items.map((d) => d.severity)).toEqual([DiagnosticSeverity.Error, DiagnosticSeverity.Error]);
    const unknownRule = await server.logs.next((log) => log.message.includes('policylint.rules.no-such-rule'));
    expect(unknownRule.message).toMatch(/unknown rule/);
    await server.logs.next((log) => log.message.includes('policylint.enable'));

    server.settings = { enable: false };
    await server.configurationChanged();
    expect(await server.pullItems(FIXTURE_URI)).toEqual([]);

    server.settings = { rules: BASELINE_RULES };
    await server.configurationChanged();
    expect(await server.pullItems(FIXTURE_URI)).toHaveLength(2);
    await server.close(FIXTURE_URI);
  });

  it('shuts down and exits cleanly', async () => {
    expect(await server.shutdown()).toBe(0);
  });
});

describe('push diagnostics (client without pull support)', () => {
  let server: TestServer;
  const isFixture = (p: { uri: string }) => p.uri === FIXTURE_URI;

  beforeAll(async () => {
    server = TestServer.spawn();
    // No `workspace.configuration` either: settings arrive with didChangeConfiguration, as in many editors.
    const result = await server.initialize({ textDocument: codeActionSupport });
    expect(result.capabilities.diagnosticProvider).toBeUndefined();
    expect(result.capabilities.textDocumentSync).toMatchObject({ change: TextDocumentSyncKind.Incremental });
    await server.configurationChanged({ policylint: { rules: BASELINE_RULES } });
  });

  afterAll(() => server.kill());

  it('publishes the repeated paragraphs after opening', async () => {
    await server.open(FIXTURE_URI, 'plaintext', ORIGINAL);
    const published = await server.published.next(isFixture);
    expect(published.version).toBe(1);
    expectSeedFindings(published.diagnostics, FIXTURE_URI);
    expect(server.configurationRequests.pending).toEqual([]);
  });

  it('updates after an incremental change, with unversioned edits for clients without documentChanges', async () => {
    const doc = server.doc(FIXTURE_URI);
    const last = (await server.codeActions(FIXTURE_URI, { start: doc.positionAt(0), end: doc.positionAt(0) }, [], ['source.fixAll']))[0];
    expect(last?.edit?.changes?.[FIXTURE_URI]).toHaveLength(2);
    expect(applyWorkspaceEdit(doc, last!.edit)).toBe(FIRST_THREE);

    // Delete the last line (with the line break before it) by hand.
    const end = doc.positionAt(ORIGINAL.length);
    const start = doc.positionAt(ORIGINAL.lastIndexOf('\n'));
    const changed = await server.change(FIXTURE_URI, [{ range: { start, end }, newText: '' }]);
    const published = await server.published.next((p) => isFixture(p) && p.version === changed.version);
    expect(published.diagnostics.map((d) => d.range.start.line)).toEqual([3]);
  });

  it('re-pushes after a configuration change', async () => {
    await server.configurationChanged({ policylint: { rules: { ...BASELINE_RULES, 'repeated-paragraph': 'off' } } });
    const off = await server.published.next(isFixture);
    expect(paragraphFindings(off.diagnostics)).toEqual([]);

    await server.configurationChanged({ policylint: { rules: { ...BASELINE_RULES, 'repeated-paragraph': 'hint' } } });
    const hint = await server.published.next(isFixture);
    expect(paragraphFindings(hint.diagnostics).map((d) => d.severity)).toEqual([DiagnosticSeverity.Hint]);
  });

  it('clears diagnostics of a closed document', async () => {
    await server.close(FIXTURE_URI);
    const cleared = await server.published.next(isFixture);
    expect(cleared.diagnostics).toEqual([]);
  });

  it('shuts down and exits cleanly', async () => {
    expect(await server.shutdown()).toBe(0);
    expect(server.stderr).toBe('');
  });
});

describe('harness sanity', () => {
  it('applies LSP edits like an editor', () => {
    const doc = TextDocument.create('file:///x.txt', 'plaintext', 1, 'ab\ncd');
    const text = applyWorkspaceEdit(doc, {
      changes: { 'file:///x.txt': [{ range: { start: { line: 0, character: 2 }, end: { line: 1, character: 2 } }, newText: '' }] },
    });
    expect(text).toBe('ab');
  });
});

describe('IPC transport (how the VS Code client starts the server)', () => {
  it('initializes, lints and exits over node IPC', async () => {
    const child = fork(SERVER_PATH, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        connection.onNotification(PublishDiagnosticsNotification.type, resolve),
      );
      connection.listen();
      const result = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        workspaceFolders: null,
      });
      expect(result.capabilities.textDocumentSync).toMatchObject({ change: TextDocumentSyncKind.Incremental });
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { policylint: { rules: BASELINE_RULES } } });
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: FIXTURE_URI, languageId: 'plaintext', version: 1, text: ORIGINAL },
      });
      expectSeedFindings((await published).diagnostics, FIXTURE_URI);
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      expect(await exited).toBe(0);
    } finally {
      connection.dispose();
      if (child.exitCode === null && child.signalCode === null) child.kill();
    }
  });
});
