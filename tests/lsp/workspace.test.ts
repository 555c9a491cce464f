/**
 * The workspace scan end to end, against the built server over stdio: files
 * that are not open are scanned (honouring node_modules, files.exclude and
 * policylint.ignore), compared with each other and with open documents, and
 * reported through `workspace/diagnostic` (pull) or `publishDiagnostics`
 * (push); file-change events keep them current; "Show the earlier copy"
 * points at the right place.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DiagnosticSeverity,
  FileChangeType,
  type Diagnostic,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { RULES } from '../../server/src/engine/index';
import { LINT_WORKSPACE_REQUEST, type LintWorkspaceResult } from '../../server/src/lsp/connection';
import { TestServer, VSCODE_LIKE_CAPABILITIES } from './harness';

/** Only the rule under test: findings of other rules (claims, names) must not change which files report. */
const ONLY_REPEATS = Object.fromEntries(RULES.map((rule) => [rule.id, rule.id === 'repeated-paragraph' ? 'warning' : 'off']));

/** A paragraph of well over eight words, pasted into several files below. */
const PARA = 'The ministry will publish the revised allocation formula for regional health boards before the spring budget statement.';
const OTHER = 'A separate paragraph about staffing levels in rural clinics, which nobody has copied anywhere else in the set.';
const NOTES = 'Draft notes on procurement rules that appear once in the workspace and must never be reported as a copy of themselves.';

/** `annex.md` sorts before `brief.md`, so the copy in brief.md is the later one and carries the finding. */
const ANNEX = `# Annex\n\nBackground for the annex.\n\n${PARA}\n`;
const ANNEX_WITHOUT_COPY = `# Annex\n\nBackground for the annex.\n\nNothing repeated here any more, just a plain closing remark for the annex.\n`;
const BRIEF = `# Brief\n\n${PARA}\n\n${OTHER}\n`;
/** 0-based line of PARA in ANNEX and in BRIEF. */
const ANNEX_LINE = 4;
const BRIEF_LINE = 2;

/** VS Code's spelling of a file URI (what the server reports for files that are not open). */
function vscodeUri(file: string): string {
  return `file://${file
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/')}`;
}

interface Workspace {
  readonly root: string;
  readonly folderUri: string;
  readonly file: (name: string) => string;
  readonly uri: (name: string) => string;
}

function createWorkspace(): Workspace {
  const root = mkdtempSync(path.join(tmpdir(), 'policylint-ws-'));
  const file = (name: string) => path.join(root, name);
  const write = (name: string, text: string | Buffer) => {
    mkdirSync(path.dirname(file(name)), { recursive: true });
    writeFileSync(file(name), text);
  };
  write('annex.md', ANNEX);
  write('brief.md', BRIEF);
  write('notes (draft).md', `# Notes\n\n${NOTES}\n`);
  // Every one of these holds the paragraph too: any of them scanned would show up as another copy.
  write('node_modules/x.md', `${PARA}\n`);
  write('archive/old.md', `# Old\n\n${PARA}\n`);
  write('drafts/d.md', `${PARA}\n`);
  write('blob.txt', Buffer.concat([Buffer.from(`${PARA}\n`), Buffer.from([0, 1, 2, 0])]));
  // A symlink loop: the walk must end, and files seen through it must not count twice.
  symlinkSync('.', file('linked'));
  return { root, folderUri: pathToFileURL(root).href, file, uri: (name: string) => vscodeUri(file(name)) };
}

const folderSettings = (section: string | undefined): unknown => {
  if (section === 'files.exclude') return { '**/drafts': true, '**/never': false };
  if (section === 'policylint') return { ignore: ['archive'], rules: ONLY_REPEATS };
  return {};
};

function paragraphFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === 'repeated-paragraph');
}

function fullReport(items: readonly WorkspaceDocumentDiagnosticReport[], uri: string): Diagnostic[] {
  const report = items.find((item) => item.uri === uri);
  if (!report || report.kind !== 'full') throw new Error(`no full report for ${uri} in ${JSON.stringify(items.map((i) => i.uri))}`);
  return report.items;
}

function resultIds(items: readonly WorkspaceDocumentDiagnosticReport[]): { uri: string; value: string }[] {
  return items.flatMap((item) => (item.resultId ? [{ uri: item.uri, value: item.resultId }] : []));
}

/** The copy in brief.md, pointing at the earlier copy in annex.md and at nothing else. */
function expectCopyInBrief(diagnostics: readonly Diagnostic[], ws: Workspace): void {
  const findings = paragraphFindings(diagnostics);
  expect(findings).toHaveLength(1);
  expect(findings[0]!.range.start).toEqual({ line: BRIEF_LINE, character: 0 });
  expect(findings[0]!.relatedInformation).toEqual([
    {
      location: { uri: ws.uri('annex.md'), range: { start: { line: ANNEX_LINE, character: 0 }, end: { line: ANNEX_LINE, character: PARA.length } } },
      message: expect.any(String),
    },
  ]);
}

const pullCapabilities = VSCODE_LIKE_CAPABILITIES;

describe('workspace scan with pull diagnostics', () => {
  let ws: Workspace;
  let server: TestServer;
  /** The client's view of workspace resultIds, as VS Code keeps it between requests. */
  let known: { uri: string; value: string }[] = [];

  beforeAll(async () => {
    ws = createWorkspace();
    server = TestServer.spawn();
    server.configuration = (item) => folderSettings(item.section);
    const result = await server.initialize(pullCapabilities, {
      workspaceFolders: [{ uri: ws.folderUri, name: 'ws' }],
      initializationOptions: { clientCommands: ['policylint.showLocation'] },
    });
    expect(result.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true, workspaceDiagnostics: true });
    // The client runs the command itself, so the server must not claim it too.
    expect(result.capabilities.executeCommandProvider).toEqual({ commands: ['policylint.updateConfig'] });
  });

  afterAll(() => {
    server.kill();
    rmSync(ws.root, { recursive: true, force: true });
  });

  it('reports scan progress with file counts, from begin to end', async () => {
    const token = await server.progressCreated.next();
    const begin = await server.progress.next((p) => p.token === token && p.value.kind === 'begin');
    expect(begin.value).toMatchObject({ kind: 'begin', title: expect.stringMatching(/scanning workspace/i), cancellable: true });
    const counted = await server.progress.next((p) => p.token === token && p.value.kind === 'report' && /\d+ of \d+ files/.test(p.value.message ?? ''));
    expect(counted.value.kind).toBe('report');
    await server.progress.next((p) => p.token === token && p.value.kind === 'end');
  });

  it('watches Markdown and text files, config files and folder deletions', async () => {
    const params = await server.registrations.next((r) => r.registrations.some((x) => x.method === 'workspace/didChangeWatchedFiles'));
    const registration = params.registrations.find((x) => x.method === 'workspace/didChangeWatchedFiles')!;
    expect(registration.registerOptions).toEqual({
      watchers: [
        { globPattern: '**/*.{md,markdown,txt}' },
        { globPattern: '**/{.policylint.yaml,.policylint.yml,.policylint.json}' },
        { globPattern: '**/.policylintignore' },
        { globPattern: '**/*', kind: 5 },
      ],
    });
  });

  it('reports a copy in a file that is not open, pointing into the other unopened file; ignored files count for nothing', async () => {
    const { items } = await server.workspacePull().result;
    // Only files with something to say: annex.md, the notes and the ignored files have nothing.
    expect(items.map((item) => item.uri)).toEqual([ws.uri('brief.md')]);
    expect(items[0]).toMatchObject({ kind: 'full', version: null, resultId: expect.any(String) });
    expectCopyInBrief(fullReport(items, ws.uri('brief.md')), ws);
    known = resultIds(items);
    // Skipped with a log line, not silently and not as text.
    await server.logs.next((log) => log.message.includes('blob.txt') && /binary/.test(log.message));
  });

  it('offers "Show the earlier copy" with the location of the copy in the other file', async () => {
    const briefUri = ws.uri('brief.md');
    await server.open(briefUri, 'markdown', BRIEF);
    const [finding] = paragraphFindings(await server.pullItems(briefUri));
    expect(finding).toBeDefined();
    const actions = await server.codeActions(briefUri, finding!.range, [finding], ['quickfix']);
    const show = actions.filter((action) => action.command?.command === 'policylint.showLocation');
    expect(show).toEqual([
      {
        title: 'Show the earlier copy (line 5 of annex.md)',
        kind: 'quickfix',
        diagnostics: [finding],
        command: {
          title: 'Show the earlier copy (line 5 of annex.md)',
          command: 'policylint.showLocation',
          arguments: [ws.uri('annex.md'), { start: { line: ANNEX_LINE, character: 0 }, end: { line: ANNEX_LINE, character: PARA.length } }],
        },
      },
    ]);
    // A client that drops relatedInformation still gets the action, from the server's own findings.
    const stripped = { ...finding!, relatedInformation: undefined, data: undefined };
    const again = await server.codeActions(briefUri, finding!.range, [stripped], ['quickfix']);
    expect(again.find((action) => action.command)?.command?.arguments).toEqual(show[0]!.command!.arguments);
    await server.close(briefUri);
  });

  it('reports a closed file again from its disk text, since the client forgets what it pulled', async () => {
    // VS Code drops its workspace state for a document when it closes; the server must fill the gap.
    const forgotten = known.filter((item) => item.uri !== ws.uri('brief.md'));
    const { items } = await server.workspacePull(forgotten).result;
    expectCopyInBrief(fullReport(items, ws.uri('brief.md')), ws);
    known = resultIds(items);
  });

  it('drops the finding when the earlier copy is removed on disk, after a refresh', async () => {
    writeFileSync(ws.file('annex.md'), ANNEX_WITHOUT_COPY);
    server.refreshes.clear();
    const refreshed = server.refreshes.next();
    await server.watchedFilesChanged([{ uri: ws.folderUri + '/annex.md', type: FileChangeType.Changed }]);
    await refreshed;
    const { items } = await server.workspacePull(known).result;
    expect(paragraphFindings(fullReport(items, ws.uri('brief.md')))).toEqual([]);
    known = resultIds(items);
  });

  it('holds a workspace pull until something changes, then answers with the change', async () => {
    const pending = server.workspacePull(known);
    writeFileSync(ws.file('annex.md'), ANNEX);
    await server.watchedFilesChanged([{ uri: ws.folderUri + '/annex.md', type: FileChangeType.Changed }]);
    const { items } = await pending.result;
    expectCopyInBrief(fullReport(items, ws.uri('brief.md')), ws);
    known = resultIds(items);
  });

  it('lets open text win over the disk: editing the earlier copy away clears the unopened file', async () => {
    const annexUri = ws.uri('annex.md');
    const pending = server.workspacePull(known);
    await server.open(annexUri, 'markdown', ANNEX_WITHOUT_COPY);
    const { items } = await pending.result;
    expect(paragraphFindings(fullReport(items, ws.uri('brief.md')))).toEqual([]);
    known = resultIds(items);

    const back = server.workspacePull(known);
    await server.close(annexUri);
    expectCopyInBrief(fullReport((await back.result).items, ws.uri('brief.md')), ws);
    known = resultIds((await back.result).items);
  });

  it('lets any open document shadow its file on disk, even in a language it does not lint', async () => {
    const annexUri = ws.uri('annex.md');
    const pending = server.workspacePull(known);
    await server.open(annexUri, 'javascript', ANNEX);
    const { items } = await pending.result;
    // The editor owns annex.md now, and says it is not prose: it is neither linted nor compared.
    expect(paragraphFindings(fullReport(items, ws.uri('brief.md')))).toEqual([]);
    known = resultIds(items);
    const back = server.workspacePull(known);
    await server.close(annexUri);
    const restored = (await back.result).items;
    expectCopyInBrief(fullReport(restored, ws.uri('brief.md')), ws);
    known = resultIds(restored);
  });

  it('does not lint an open document under policylint.ignore, nor compare it', async () => {
    const oldUri = pathToFileURL(ws.file('archive/old.md')).href;
    await server.open(oldUri, 'markdown', `# Old\n\n${PARA}\n`);
    expect(await server.pullItems(oldUri)).toEqual([]);
    await server.close(oldUri);
    // Still one earlier copy only.
    const { items } = await server.workspacePull(known.filter((item) => item.uri !== ws.uri('brief.md'))).result;
    expectCopyInBrief(fullReport(items, ws.uri('brief.md')), ws);
  });

  it('treats two spellings of one file URI as one file', async () => {
    // Node leaves "(" and ")" as they are, VS Code encodes them: either way it is the scanned file.
    const notesUri = pathToFileURL(ws.file('notes (draft).md')).href;
    expect(notesUri).not.toBe(ws.uri('notes (draft).md'));
    await server.open(notesUri, 'markdown', `# Notes\n\n${NOTES}\n`);
    expect(paragraphFindings(await server.pullItems(notesUri))).toEqual([]);
    await server.close(notesUri);
  });

  it('drops a deleted file, and with it the findings it caused', async () => {
    unlinkSync(ws.file('annex.md'));
    server.refreshes.clear();
    const refreshed = server.refreshes.next();
    await server.watchedFilesChanged([{ uri: ws.folderUri + '/annex.md', type: FileChangeType.Deleted }]);
    await refreshed;
    const { items } = await server.workspacePull([]).result;
    // Nothing left to report anywhere: brief.md's only finding was the copy.
    expect(items.filter((item) => item.uri === ws.uri('brief.md') && item.kind === 'full' && item.items.length > 0)).toEqual([]);
    known = resultIds(items);
  });

  it('rescans the workspace on policylint/lintWorkspace, with progress, and refreshes', async () => {
    // A file the server was never told about (no watched-file event): only a rescan finds it.
    writeFileSync(ws.file('late.md'), `# Late\n\n${PARA}\n`);
    server.progressCreated.clear();
    server.progress.clear();
    server.refreshes.clear();
    const refreshed = server.refreshes.next();
    const answer = server.connection.sendRequest(LINT_WORKSPACE_REQUEST) as Promise<LintWorkspaceResult>;
    const token = await server.progressCreated.next();
    const begin = await server.progress.next((p) => p.token === token && p.value.kind === 'begin');
    expect(begin.value).toMatchObject({ kind: 'begin', title: expect.stringMatching(/scanning workspace/i) });
    await server.progress.next((p) => p.token === token && p.value.kind === 'end');
    // brief.md, notes (draft).md and late.md (annex.md is gone; ignored and excluded files stay out).
    expect(await answer).toEqual({ files: 3 });
    await refreshed;
    const { items } = await server.workspacePull([]).result;
    const late = paragraphFindings(fullReport(items, ws.uri('late.md')));
    expect(late).toHaveLength(1);
    expect(late[0]!.relatedInformation?.[0]?.location.uri).toBe(ws.uri('brief.md'));
    known = resultIds(items);
  });

  it('shuts down cleanly with a workspace pull still held', async () => {
    // Nothing new since `known`: the server holds this one until shutdown releases it.
    const pending = server.workspacePull(known);
    expect(await server.shutdown()).toBe(0);
    await expect(pending.result).resolves.toEqual({ items: [] });
  });
});

describe('workspace scan with push diagnostics', () => {
  let ws: Workspace;
  let server: TestServer;

  beforeAll(async () => {
    ws = createWorkspace();
    server = TestServer.spawn();
    // No pull, no workspace/configuration, no progress; the server may run the show command itself.
    const result = await server.initialize(
      {
        textDocument: { publishDiagnostics: { relatedInformation: true } },
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
        window: { showDocument: { support: true } },
      },
      { rootUri: ws.folderUri },
    );
    expect(result.capabilities.diagnosticProvider).toBeUndefined();
    expect(result.capabilities.executeCommandProvider).toEqual({ commands: ['policylint.updateConfig', 'policylint.showLocation'] });
  });

  afterAll(() => {
    server.kill();
    rmSync(ws.root, { recursive: true, force: true });
  });

  it('publishes diagnostics for a file that is not open, without a version', async () => {
    const published = await server.published.next((p) => p.uri === ws.uri('brief.md'));
    expect(published.version).toBeUndefined();
    // Without settings only node_modules and .git are left out: archive/old.md is an earlier copy too.
    const [finding] = paragraphFindings(published.diagnostics);
    expect(finding!.range.start).toEqual({ line: BRIEF_LINE, character: 0 });
    expect(finding!.relatedInformation?.map((r) => r.location.uri)).toEqual([ws.uri('annex.md'), ws.uri('archive/old.md')]);
    expect(server.published.pending.some((p) => p.uri.includes('node_modules') || p.uri.includes('linked'))).toBe(false);
    expect(server.progressCreated.pending).toEqual([]);
  });

  it('applies pushed policylint.ignore and files.exclude settings by rescanning', async () => {
    server.published.clear();
    await server.configurationChanged({
      policylint: { ignore: ['archive'], rules: ONLY_REPEATS },
      files: { exclude: { '**/drafts': true } },
    });
    // The files that left the scan have their diagnostics cleared, and no longer count as copies.
    const cleared = await server.published.next((p) => p.uri === ws.uri('archive/old.md'));
    expect(cleared.diagnostics).toEqual([]);
    const brief = await server.published.next((p) => p.uri === ws.uri('brief.md') && p.diagnostics.length > 0);
    expect(paragraphFindings(brief.diagnostics)[0]?.relatedInformation?.map((r) => r.location.uri)).toEqual([ws.uri('annex.md')]);
  });

  it('republishes when a file changes on disk', async () => {
    writeFileSync(ws.file('annex.md'), ANNEX_WITHOUT_COPY);
    await server.watchedFilesChanged([{ uri: ws.uri('annex.md'), type: FileChangeType.Changed }]);
    const published = await server.published.next((p) => p.uri === ws.uri('brief.md'));
    expect(published.diagnostics).toEqual([]);
  });

  it('runs "show location" through window/showDocument for clients without the command', async () => {
    const range = { start: { line: ANNEX_LINE, character: 0 }, end: { line: ANNEX_LINE, character: PARA.length } };
    await server.executeCommand('policylint.showLocation', [ws.uri('annex.md'), range]);
    expect(await server.shownDocuments.next()).toEqual({ uri: ws.uri('annex.md'), takeFocus: true, selection: range });
    await expect(server.executeCommand('policylint.showLocation', ['x'])).rejects.toThrow(/uri and a range/);
  });

  it('shuts down and exits cleanly', async () => {
    expect(await server.shutdown()).toBe(0);
    expect(server.stderr).toBe('');
  });
});

describe('project config file in a scanned workspace', () => {
  let ws: Workspace;
  let server: TestServer;
  const CONFIG = ['rules:', '  repeated-paragraph: error', 'ignore:', '  - drafts/', 'nonsense: 1', ''].join('\n');
  const FIXED = ['rules:', '  repeated-paragraph: hint', ''].join('\n');

  beforeAll(async () => {
    ws = createWorkspace();
    writeFileSync(ws.file('.policylint.yaml'), CONFIG);
    server = TestServer.spawn();
    // The editor turns the rule down to info; the config file, merged over the editor, wins.
    server.configuration = (item) =>
      item.section === 'policylint' ? { rules: { ...ONLY_REPEATS, 'repeated-paragraph': 'info' } } : folderSettings(item.section);
    await server.initialize(pullCapabilities, { workspaceFolders: [{ uri: ws.folderUri, name: 'ws' }] });
  });

  afterAll(() => {
    server.kill();
    rmSync(ws.root, { recursive: true, force: true });
  });

  it('applies the file over the editor settings, honours its ignore list and reports its problems on the file', async () => {
    const { items } = await server.workspacePull().result;
    const [finding] = paragraphFindings(fullReport(items, ws.uri('brief.md')));
    expect(finding?.severity).toBe(DiagnosticSeverity.Error);
    // drafts/d.md repeats the paragraph too, but the config file leaves drafts/ out.
    expect(items.some((item) => item.uri.includes('drafts'))).toBe(false);
    const problems = fullReport(items, ws.uri('.policylint.yaml'));
    expect(problems).toEqual([
      expect.objectContaining({
        severity: DiagnosticSeverity.Warning,
        source: 'policylint',
        message: expect.stringContaining('nonsense'),
        range: { start: { line: 4, character: 0 }, end: { line: 4, character: 'nonsense'.length } },
      }),
    ]);

    writeFileSync(ws.file('.policylint.yaml'), FIXED);
    await server.watchedFilesChanged([{ uri: ws.uri('.policylint.yaml'), type: FileChangeType.Changed }]);
    const after = (await server.workspacePull(resultIds(items)).result).items;
    expect(fullReport(after, ws.uri('.policylint.yaml'))).toEqual([]);
    expect(paragraphFindings(fullReport(after, ws.uri('brief.md')))[0]?.severity).toBe(DiagnosticSeverity.Hint);
  });
});

describe('.policylintignore in a workspace folder', () => {
  /** The annex is left out by the ignore file, as CI's `policylint .` would leave it out. */
  const IGNORE = '# generated from the budget tables\n/annex.md\n';

  function annexLeftOut(items: readonly WorkspaceDocumentDiagnosticReport[], ws: Workspace): void {
    // At most an empty report, which clears what the client showed for it before.
    expect(items.filter((item) => item.uri === ws.uri('annex.md') && (item.kind !== 'full' || item.items.length > 0))).toEqual([]);
    // brief.md's paragraph has no other copy left to compare with.
    const brief = items.find((item) => item.uri === ws.uri('brief.md'));
    expect(brief?.kind === 'full' ? paragraphFindings(brief.items) : []).toEqual([]);
  }

  async function start(ws: Workspace, trusted: boolean): Promise<TestServer> {
    const server = TestServer.spawn();
    server.configuration = (item) => folderSettings(item.section);
    await server.initialize(pullCapabilities, { workspaceFolders: [{ uri: ws.folderUri, name: 'ws' }], initializationOptions: { trusted } });
    return server;
  }

  it('leaves matching files out of linting and of cross-file rules, and follows edits to the file', async () => {
    const ws = createWorkspace();
    writeFileSync(ws.file('.policylintignore'), IGNORE);
    // A copy that has nothing to do with the ignore file, so that the workspace always has a report to send.
    writeFileSync(ws.file('other.md'), `${OTHER}\n`);
    const server = await start(ws, true);
    try {
      const params = await server.registrations.next((r) => r.registrations.some((x) => x.method === 'workspace/didChangeWatchedFiles'));
      const watchers = (params.registrations.find((x) => x.method === 'workspace/didChangeWatchedFiles')!.registerOptions as { watchers: unknown[] }).watchers;
      expect(watchers).toContainEqual({ globPattern: '**/.policylintignore' });

      const { items } = await server.workspacePull().result;
      annexLeftOut(items, ws);
      // Opened on purpose, it still is not linted: the ignore file says "never lint this".
      await server.open(ws.uri('annex.md'), 'markdown', ANNEX);
      expect(await server.pullItems(ws.uri('annex.md'))).toEqual([]);
      await server.close(ws.uri('annex.md'));

      writeFileSync(ws.file('.policylintignore'), '# nothing left out any more\n');
      await server.watchedFilesChanged([{ uri: ws.uri('.policylintignore'), type: FileChangeType.Changed }]);
      const after = (await server.workspacePull(resultIds(items)).result).items;
      expectCopyInBrief(fullReport(after, ws.uri('brief.md')), ws);

      writeFileSync(ws.file('.policylintignore'), IGNORE);
      await server.watchedFilesChanged([{ uri: ws.uri('.policylintignore'), type: FileChangeType.Created }]);
      const again = (await server.workspacePull([]).result).items;
      annexLeftOut(again, ws);
      expect(await server.shutdown()).toBe(0);
      expect(server.stderr).toBe('');
    } finally {
      server.kill();
      rmSync(ws.root, { recursive: true, force: true });
    }
  }, 30_000);

  it('is not read in an untrusted workspace, which must not decide what the editor hides', async () => {
    const ws = createWorkspace();
    writeFileSync(ws.file('.policylintignore'), IGNORE);
    const server = await start(ws, false);
    try {
      const { items } = await server.workspacePull().result;
      expectCopyInBrief(fullReport(items, ws.uri('brief.md')), ws);
    } finally {
      server.kill();
      rmSync(ws.root, { recursive: true, force: true });
    }
  });
});
