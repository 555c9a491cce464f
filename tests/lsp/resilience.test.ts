/**
 * The built server against a misbehaving client, over real JSON-RPC (issue
 * 9): requests for documents it never saw, positions past the end, stale
 * versions, changes for closed documents, malformed code action requests,
 * a client that never answers, cancellation of every long request, bursts
 * of opens and closes, a 20,000-file workspace, links out of the
 * workspace, and no network. The server must answer or fail each request
 * as the protocol says, keep serving, and give the same answer at the end
 * as at the start; it exits only on `exit`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  LSPErrorCodes,
  ErrorCodes,
  WorkDoneProgressCancelNotification,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { LINT_WORKSPACE_REQUEST, type LintWorkspaceResult } from '../../server/src/lsp/connection';
import { applyWorkspaceEdit, BASELINE_RULES, TestServer, VSCODE_LIKE_CAPABILITIES } from './harness';

const PARA = 'The ministry will publish the revised allocation formula for regional health boards before the spring budget statement.';
const DOUBLED = 'We met with the the minister on Tuesday to discuss the plan.';
/** Line 2 is the first copy of PARA, line 4 has "the the", line 6 repeats line 2. */
const DRAFT = ['# Draft', '', PARA, '', DOUBLED, '', PARA, ''].join('\n');
/** DRAFT's findings when no earlier document holds its paragraphs. */
const OWN = ['4:12 repeated-word', '6:0 repeated-paragraph'];

const capabilities = VSCODE_LIKE_CAPABILITIES;

/** Codes and start lines of a pull's diagnostics, in line order. */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  return [...diagnostics]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);
}

/** Resolves with the outcome of a request that may be answered or failed with RequestCancelled, and nothing else. */
async function answeredOrCancelled<T>(request: Promise<T>): Promise<{ value?: T; cancelled: boolean }> {
  try {
    return { value: await request, cancelled: false };
  } catch (error) {
    expect((error as { code?: unknown }).code).toBe(LSPErrorCodes.RequestCancelled);
    return { cancelled: true };
  }
}

async function expectAlive(server: TestServer): Promise<void> {
  expect(server.process.exitCode).toBeNull();
  expect(server.process.signalCode).toBeNull();
  // Any request round-trips: an unknown document is answered with an empty report.
  await expect(server.pull('file:///policylint-alive-check.md')).resolves.toMatchObject({ kind: 'full', items: [] });
}

function folderUri(dir: string): string {
  return pathToFileURL(dir).href;
}

describe('a server under a misbehaving client', () => {
  let server: TestServer;
  let root: string;
  let outside: string;
  // Sorts after every other document here, so no test document ever has it as "the earlier copy".
  const control = 'file:///zzz-policylint-resilience/control.md';
  let baseline: Diagnostic[];

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'policylint-resilience-'));
    outside = mkdtempSync(path.join(tmpdir(), 'policylint-outside-'));
    writeFileSync(path.join(root, 'notes.md'), `# Notes\n\nA plain paragraph about staffing levels in rural clinics that appears only once.\n`);
    // The outside file holds a copy of PARA: scanned through the link, it would be "the earlier copy".
    writeFileSync(path.join(outside, 'aaa-secret.md'), `${PARA}\n`);
    symlinkSync(outside, path.join(root, 'aaa-link-out'));
    symlinkSync(path.join(outside, 'aaa-secret.md'), path.join(root, 'aaa-file-out.md'));
    symlinkSync('.', path.join(root, 'loop'));
    writeFileSync(path.join(root, 'zz-brief.md'), `# Brief\n\n${PARA}\n`);

    server = TestServer.spawn();
    server.settings = { rules: BASELINE_RULES };
    await server.initialize(capabilities, { workspaceFolders: [{ uri: folderUri(root), name: 'resilience' }] });
    const token = await server.progressCreated.next();
    await server.progress.next((event) => event.token === token && event.value.kind === 'end');
    await server.open(control, 'markdown', DRAFT);
    baseline = await server.pullItems(control);
    // Line 2 repeats zz-brief.md in the workspace.
    expect(summary(baseline)).toEqual(['2:0 repeated-paragraph', '4:12 repeated-word', '6:0 repeated-paragraph']);
  });

  afterAll(() => {
    server?.kill();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('never scans through links out of the workspace, and survives the symlink loop', async () => {
    const { result, cancel } = server.workspacePull();
    const timer = setTimeout(cancel, 1_000);
    const report = (await result) as WorkspaceDiagnosticReport;
    clearTimeout(timer);
    const mentioned = JSON.stringify(report);
    expect(mentioned).not.toContain(outside);
    expect(mentioned).not.toContain('aaa-link-out');
    expect(mentioned).not.toContain('aaa-file-out');
    // Through the links, aaa-secret.md would be an earlier copy of zz-brief.md's paragraph.
    expect(await server.pullItems(pathToFileURL(path.join(root, 'zz-brief.md')).href)).toEqual([]);
  });

  it('answers requests for documents it never saw, and bad requests with protocol errors', async () => {
    for (const uri of ['file:///never/opened.md', 'untitled:Untitled-1', 'not a uri at all', '', 'file:///%zz']) {
      await expect(server.pull(uri)).resolves.toEqual({ kind: 'full', items: [] });
      await expect(server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, [])).resolves.toEqual([]);
    }
    await expect(server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: 42 } })).rejects.toMatchObject({ code: ErrorCodes.InvalidParams });
    await expect(server.connection.sendRequest('policylint/noSuchRequest', {})).rejects.toMatchObject({ code: ErrorCodes.MethodNotFound });
    await expect(server.executeCommand('policylint.noSuchCommand', [])).rejects.toMatchObject({ code: ErrorCodes.InvalidParams });
    await expectAlive(server);
  });

  it('clamps positions past the end, in code action requests and in changes, like the client does', async () => {
    const uri = 'file:///policylint-resilience/far.md';
    await server.open(uri, 'markdown', DRAFT);
    const far = { line: 10_000, character: 10_000 };
    for (const range of [
      { start: far, end: far },
      { start: { line: -5, character: -5 }, end: far },
      { start: far, end: { line: 0, character: 0 } },
      { start: { line: 0, character: 1e9 }, end: { line: 1e9, character: 0 } },
    ]) {
      const actions = await server.codeActions(uri, range, []);
      expect(Array.isArray(actions)).toBe(true);
    }
    // Inserting past the end of line 0 and past the end of the text: both clamp, on both sides.
    await server.change(uri, [
      { range: { start: { line: 0, character: 500 }, end: { line: 0, character: 500 } }, newText: ' and the the end' },
      { range: { start: far, end: far }, newText: '\nThe last the the line.' },
    ]);
    const diagnostics = await server.pullItems(uri);
    const local = server.doc(uri).getText();
    expect(local.split('\n')[0]).toBe('# Draft and the the end');
    for (const d of diagnostics.filter((item) => item.code === 'repeated-word')) {
      // Every repeated-word range covers a doubled word in the client's copy of the text.
      expect(server.doc(uri).getText(d.range).toLowerCase()).toMatch(/\bthe\b/);
    }
    expect(summary(diagnostics)).toEqual(['0:12 repeated-word', '4:12 repeated-word', '6:0 repeated-paragraph', '8:9 repeated-word']);
    await server.close(uri);
  });

  it('lints the text it has when a change comes with a stale version, never the findings of another text', async () => {
    const uri = 'file:///policylint-resilience/stale.md';
    await server.open(uri, 'markdown', DRAFT);
    await server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } }, newText: '# Plan' }]);
    const before = await server.pullItems(uri);
    expect(summary(before)).toEqual(OWN);
    // Version 2 again, then version 1: both must apply, and the results must be for the new text.
    const send = async (version: number, line: number, text: string) => {
      const doc = server.doc(uri);
      const position = { line, character: 0 };
      const change = { range: { start: position, end: position }, text };
      server.documents.set(uri, TextDocument.update(doc, [change], doc.version + 1));
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    };
    // Version 2 again: the last lint was of version 2, so only the text tells the results are stale.
    await send(2, 0, 'The the ');
    expect(summary(await server.pullItems(uri))).toEqual(['0:0 repeated-word', ...OWN]);
    await send(1, 2, 'So so ');
    const after = await server.pullItems(uri);
    expect(summary(after)).toEqual(['0:0 repeated-word', '2:0 repeated-word', '4:12 repeated-word', '6:0 repeated-paragraph']);
    expect(server.logs.pending.some((log) => /version 2 after version 2/.test(log.message))).toBe(true);
    // A fix offered now applies to the client's text as it is.
    const first = after.find((d) => d.range.start.line === 0)!;
    const actions = await server.codeActions(uri, first.range, [first], ['quickfix']);
    const preferred = actions.find((action) => action.isPreferred);
    expect(applyWorkspaceEdit(server.doc(uri), preferred!.edit).split('\n')[0]).toBe('The # Plan');
    // A diagnostic from before the stale changes: its data is not trusted, the finding still there is fixed.
    const old = before.find((d) => d.code === 'repeated-word')!;
    const stale = await server.codeActions(uri, old.range, [old], ['quickfix']);
    const text = server.doc(uri).getText();
    expect(applyWorkspaceEdit(server.doc(uri), stale.find((a) => a.isPreferred)!.edit)).toBe(text.replace('with the the minister', 'with the minister'));
    // Versions that are not numbers are refused whole, or applied under a fresh version; the server goes on.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.method, { textDocument: { uri, version: 'x' }, contentChanges: [{ text: DRAFT }] });
    await server.connection.sendNotification(DidChangeTextDocumentNotification.method, { textDocument: { uri }, contentChanges: [{ text: 'lost' }] });
    server.documents.set(uri, TextDocument.create(uri, 'markdown', 99, DRAFT));
    expect(summary(await server.pullItems(uri))).toEqual(OWN);
    await server.close(uri);
  });

  it('refuses malformed content changes whole instead of corrupting its copy of the text', async () => {
    const uri = 'file:///policylint-resilience/malformed.md';
    await server.open(uri, 'markdown', DRAFT);
    for (const change of [{ text: 42 }, { range: { start: { line: 'a' } }, text: 'x' }, null, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]) {
      await server.connection.sendNotification(DidChangeTextDocumentNotification.method, { textDocument: { uri, version: 5 }, contentChanges: [change] });
    }
    await server.connection.sendNotification(DidChangeTextDocumentNotification.method, { textDocument: { uri, version: 6 }, contentChanges: 'nope' });
    expect(summary(await server.pullItems(uri))).toEqual(OWN);
    await server.close(uri);
  });

  it('ignores changes for closed documents, and lints a reopened document from its new text', async () => {
    const uri = 'file:///policylint-resilience/closed.md';
    await server.open(uri, 'markdown', DRAFT);
    expect(summary(await server.pullItems(uri))).toEqual(OWN);
    await server.close(uri);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'The the end.' }] });
    expect(await server.pullItems(uri)).toEqual([]);
    // Reopened at version 1 again, with other text: version 1 now names another text.
    await server.open(uri, 'markdown', `${DOUBLED}\n`);
    expect(summary(await server.pullItems(uri))).toEqual(['0:12 repeated-word']);
    await server.close(uri);
  });

  it('answers malformed code action requests and data without failing or corrupting', async () => {
    const uri = 'file:///policylint-resilience/actions.md';
    await server.open(uri, 'markdown', DRAFT);
    const diagnostics = await server.pullItems(uri);
    const target = diagnostics.find((d) => d.code === 'repeated-word')!;
    const range = target.range;
    const params: unknown[] = [
      null,
      {},
      { textDocument: { uri } },
      { textDocument: { uri }, range },
      { textDocument: { uri }, range, context: null },
      { textDocument: { uri }, range, context: { diagnostics: 'x' } },
      { textDocument: { uri }, range, context: { diagnostics: [null, 7, 'x', {}] } },
      { textDocument: { uri }, range, context: { diagnostics: [target], only: 'quickfix' } },
      { textDocument: { uri }, range: 'everything', context: { diagnostics: [target] } },
    ];
    for (const p of params) {
      const result = await server.connection.sendRequest('textDocument/codeAction', p).catch((error: { code?: number }) => error);
      // An answer (any list) or a protocol error; never a crash.
      expect(Array.isArray(result) || result === null || typeof (result as { code?: number }).code === 'number').toBe(true);
    }
    const hostile: unknown[] = [
      { ruleId: 'repeated-word', version: 1, fixes: [{ title: 'huge', safe: true, edits: [{ range: [0, 1e9], newText: '' }] }] },
      { ruleId: 'repeated-word', version: 1, fixes: [{ title: 'elsewhere', safe: true, edits: [{ uri: 'file:///etc/passwd', range: [0, 4], newText: 'x' }] }] },
      { ruleId: 'repeated-word', version: 1, fixes: [{ title: 'nan', safe: true, edits: [{ range: [Number.NaN, 2], newText: '' }] }] },
      { ruleId: 'repeated-word', version: 1, fixes: new Array(10_000).fill({ title: 'many', safe: true, edits: [] }) },
      { ruleId: 'repeated-word', version: 1, fixes: [{ title: 'deep', safe: true, edits: [{ range: [1, 2], newText: { toString: 'x' } }] }] },
    ];
    const expected = applyWorkspaceEdit(server.doc(uri), (await server.codeActions(uri, range, [target], ['quickfix'])).find((a) => a.isPreferred)!.edit);
    for (const data of hostile) {
      const actions: CodeAction[] = await server.codeActions(uri, range, [{ ...target, data }], ['quickfix']);
      for (const action of actions) {
        const changes = JSON.stringify(action.edit ?? {});
        expect(changes).not.toContain('/etc/passwd');
      }
      expect(applyWorkspaceEdit(server.doc(uri), actions.find((a) => a.isPreferred)!.edit)).toBe(expected);
    }
    // Fix-all with hostile data: only the server's own findings are fixed.
    const all = await server.codeActions(uri, range, hostile.map((data) => ({ ...target, data })), ['source.fixAll']);
    for (const action of all) expect(applyWorkspaceEdit(server.doc(uri), action.edit)).not.toBe('');
    await server.close(uri);
    await expectAlive(server);
  });

  it('settles every long request when it is cancelled, and keeps serving', async () => {
    const uri = 'file:///policylint-resilience/cancel.md';
    await server.open(uri, 'markdown', DRAFT);
    const range = { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } };
    const requests = [
      server.cancellable<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }),
      server.cancellable<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] }),
      server.cancellable<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }),
      server.cancellable<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, null),
    ];
    for (const request of requests) request.cancel();
    const outcomes = await Promise.all(requests.map((request) => answeredOrCancelled<unknown>(request.result)));
    expect(outcomes).toHaveLength(4);
    // Cancelled while linting: a pull after an edit, cancelled once the edit is in.
    await server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' }]);
    const pull = server.cancellable<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    setTimeout(pull.cancel, 1);
    await answeredOrCancelled(pull.result);
    // A held workspace pull, cancelled after a while.
    const held = server.cancellable<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    setTimeout(held.cancel, 300);
    await answeredOrCancelled(held.result);
    // The workspace lint cancelled while it scans.
    const lint = server.cancellable<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, null);
    setTimeout(lint.cancel, 5);
    await answeredOrCancelled(lint.result);
    // And then run to the end: a cancelled scan does not leave the folder unscannable.
    await expect(server.connection.sendRequest(LINT_WORKSPACE_REQUEST, null)).resolves.toEqual({ files: 2 });
    await server.close(uri);
    await expectAlive(server);
  });

  it('serves 100 documents opened at once, each with its own findings', async () => {
    const uris = Array.from({ length: 100 }, (_, i) => `file:///policylint-resilience/burst/${String(i).padStart(3, '0')}.md`);
    // The doubled-word line is too short to be compared; PARA is in every part.
    const text = (i: number) => `# Part ${i}\n\nPart ${i} met the the minister.\n\n${PARA}\n`;
    await Promise.all(uris.map((uri, i) => server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: text(i) } })));
    const reports = await Promise.all(uris.map((uri) => server.pullItems(uri)));
    reports.forEach((items, i) => {
      const doubled = `2:${10 + String(i).length} repeated-word`;
      // Part 0 holds the first copy of PARA; every later part repeats it.
      expect(summary(items)).toEqual(i === 0 ? [doubled] : [doubled, '4:0 repeated-paragraph']);
    });
    await Promise.all(uris.map((uri) => server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } })));
    await expectAlive(server);
  });

  it('survives rapid open and close cycles, and ends on the last text', async () => {
    const uri = 'file:///policylint-resilience/flicker.md';
    const pulls: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      void server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: i % 3 === 0 ? 'plaintext' : 'markdown', version: 1, text: i % 2 === 0 ? DRAFT : `Cycle ${i}: the the end.\n` },
      });
      pulls.push(answeredOrCancelled(server.pull(uri)));
      if (i % 5 === 0) pulls.push(answeredOrCancelled(server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, [])));
      void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    await Promise.all(pulls);
    await server.open(uri, 'markdown', `Final: the the end.\n`);
    expect(summary(await server.pullItems(uri))).toEqual(['0:7 repeated-word']);
    await server.close(uri);
  });

  it('answers "unchanged" for a document whose diagnostics an edit elsewhere left as they were', async () => {
    const a = 'file:///policylint-resilience/cache-a.md';
    const b = 'file:///policylint-resilience/cache-b.md';
    await server.open(a, 'markdown', DRAFT);
    await server.open(b, 'markdown', `# B\n\n${DOUBLED}\n`);
    const first = await server.pull(b);
    expect(first.kind === 'full' && first.items.some((d) => d.relatedInformation?.[0]?.location.uri === a)).toBe(true);
    await server.change(a, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, newText: ' plan' }]);
    await server.pullItems(a);
    expect(await server.pull(b, first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId });
    // Moving the earlier copy in a does change b's related location: a full report.
    await server.change(a, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'Intro.\n\n' }]);
    await server.pullItems(a);
    const moved = await server.pull(b, first.resultId);
    expect(moved.kind).toBe('full');
    await server.close(a);
    await server.close(b);
  });

  it('still answers a normal pull exactly as at the start, and exits only on exit', async () => {
    expect(await server.pullItems(control)).toEqual(baseline);
    const unchanged = await server.pull(control, (await server.pull(control)).resultId);
    expect(unchanged.kind).toBe('unchanged');
    await expectAlive(server);
    expect(await server.shutdown()).toBe(0);
  });
});

describe('a client that never answers the server', () => {
  let server: TestServer;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'policylint-silent-'));
    writeFileSync(path.join(root, 'a.md'), `# A\n\n${PARA}\n`);
    writeFileSync(path.join(root, 'b.md'), `# B\n\n${PARA}\n`);
    server = TestServer.spawn();
    server.unanswered.add('workspace/configuration');
    server.unanswered.add('window/workDoneProgress/create');
    await server.initialize(capabilities, { workspaceFolders: [{ uri: folderUri(root), name: 'silent' }] });
  });

  afterAll(() => {
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps serving while it waits for settings, then lints with the defaults, scans without progress, and says why', async () => {
    const uri = 'file:///policylint-silent/draft.md';
    await server.open(uri, 'markdown', DRAFT);
    let settled = false;
    const pending = server.pullItems(uri).finally(() => (settled = true));
    await expect(server.codeActions('file:///elsewhere.md', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [])).resolves.toEqual([]);
    await expect(server.pull('file:///never/opened.md')).resolves.toEqual({ kind: 'full', items: [] });
    expect(settled).toBe(false);
    const items = await pending;
    // Defaults: every rule on, so the doubled word and the repeated paragraph are there (with whatever else defaults find).
    expect(summary(items)).toEqual(expect.arrayContaining(['4:12 repeated-word', '6:0 repeated-paragraph']));
    await server.logs.next((log) => /did not answer workspace\/configuration/.test(log.message));
    const { result, cancel } = server.workspacePull();
    const timer = setTimeout(cancel, 20_000);
    const report = await result;
    clearTimeout(timer);
    expect(report.items.map((item) => path.basename(item.uri))).toContain('b.md');
    await expectAlive(server);
    expect(await server.shutdown()).toBe(0);
  }, 60_000);
});

describe('a 20,000-file workspace', () => {
  let server: TestServer;
  let root: string;
  const FILES = 20_050;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'policylint-huge-'));
    for (let dir = 0; dir * 1000 < FILES; dir++) {
      mkdirSync(path.join(root, `d${dir}`));
      for (let i = dir * 1000; i < Math.min(FILES, (dir + 1) * 1000); i++) writeFileSync(path.join(root, `d${dir}`, `f${i}.md`), `Note ${i}.\n`);
    }
  });

  afterAll(() => {
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('cancels the scan on request, then scans again up to the bound and says where it stopped', async () => {
    server = TestServer.spawn();
    server.settings = { rules: BASELINE_RULES };
    await server.initialize(capabilities, { workspaceFolders: [{ uri: folderUri(root), name: 'huge' }] });
    const token = await server.progressCreated.next();
    await server.progress.next((event) => event.token === token && event.value.kind === 'report');
    await server.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token });
    await server.progress.next((event) => event.token === token && event.value.kind === 'end');
    await server.logs.next((log) => /scan cancelled/.test(log.message));
    await expectAlive(server);

    const result = await server.connection.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, null);
    expect(result.files).toBe(20_000);
    await server.logs.next((log) => /stopped at 20000 files/.test(log.message));
    await expectAlive(server);
    expect(await server.shutdown()).toBe(0);
  }, 180_000);
});

describe('no network', () => {
  /** Makes every way out of the process throw, and records each attempt in $POLICYLINT_NET_LOG. */
  const BLOCKER = `
const fs = require('node:fs');
const blocked = (name) => function () {
  if (process.env.POLICYLINT_NET_LOG) fs.appendFileSync(process.env.POLICYLINT_NET_LOG, name + '\\n');
  throw new Error('policylint test: network access blocked (' + name + ')');
};
const net = require('node:net');
net.connect = net.createConnection = blocked('net.connect');
net.Socket.prototype.connect = blocked('net.Socket.connect');
require('node:tls').connect = blocked('tls.connect');
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt']) dns[name] = blocked('dns.' + name);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns.promises[name] = blocked('dns.promises.' + name);
for (const mod of ['node:http', 'node:https']) { const m = require(mod); m.request = m.get = blocked(mod); }
require('node:dgram').createSocket = blocked('dgram.createSocket');
globalThis.fetch = blocked('fetch');
globalThis.WebSocket = blocked('WebSocket');
`;
  let dir: string;
  let work: string;
  let log: string;
  let preload: string;
  const CLI = path.resolve(__dirname, '../../server/out/cli.js');

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policylint-offline-'));
    work = path.join(dir, 'drafts');
    mkdirSync(work);
    writeFileSync(path.join(work, 'a.md'), DRAFT);
    writeFileSync(path.join(work, 'b.md'), `# B\n\n${PARA}\n\nExperts say about 70% of households lack broadband.\n`);
    preload = path.join(dir, 'block-network.cjs');
    writeFileSync(preload, BLOCKER);
    log = path.join(dir, 'attempts.log');
    writeFileSync(log, '');
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const blockedEnv = (): NodeJS.ProcessEnv => ({ ...process.env, NODE_OPTIONS: `--require ${preload}`, POLICYLINT_NET_LOG: log, http_proxy: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9' });
  const unshare = spawnSync('unshare', ['-rn', 'true']).status === 0;

  it('the blocker really blocks', () => {
    const run = spawnSync(process.execPath, ['-e', "require('node:net').connect(80, 'example.com')"], { env: blockedEnv(), encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('net.connect');
    writeFileSync(log, '');
  });

  it('the CLI gives the same results offline, without trying to connect', () => {
    const args = [CLI, '--format', 'json', '--no-config', work];
    const online = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: dir });
    const offline = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: dir, env: blockedEnv() });
    expect(offline.status).toBe(online.status);
    expect(offline.stdout).toBe(online.stdout);
    expect(JSON.parse(online.stdout).length).toBe(2);
    if (unshare) {
      const isolated = spawnSync('unshare', ['-rn', process.execPath, ...args], { encoding: 'utf8', cwd: dir });
      expect(isolated.stdout).toBe(online.stdout);
    }
    expect(readFileSync(log, 'utf8')).toBe('');
  });

  it('the server gives the same diagnostics offline, without trying to connect', async () => {
    const diagnose = async (server: TestServer): Promise<unknown> => {
      server.settings = {};
      await server.initialize(capabilities, { workspaceFolders: [{ uri: folderUri(work), name: 'drafts' }] });
      const token = await server.progressCreated.next();
      await server.progress.next((event) => event.token === token && event.value.kind === 'end');
      const a = pathToFileURL(path.join(work, 'a.md')).href;
      const b = pathToFileURL(path.join(work, 'b.md')).href;
      await server.open(b, 'markdown', readFileSync(path.join(work, 'b.md'), 'utf8'));
      // Disk texts get versions in the order reads finish, which can differ between runs.
      const strip = (items: Diagnostic[]) => items.map((d) => ({ ...d, data: { ...(d.data as object), version: undefined } }));
      const result = { a: strip(await server.pullItems(a)), b: strip(await server.pullItems(b)) };
      expect(await server.shutdown()).toBe(0);
      return result;
    };
    const online = await diagnose(TestServer.spawn());
    const offline = await diagnose(TestServer.spawn({ env: blockedEnv() }));
    expect(offline).toEqual(online);
    expect(JSON.stringify(online)).toContain('vague-attribution');
    expect(readFileSync(log, 'utf8')).toBe('');
  });
});
