/**
 * The workspace scan's modules without a server process: URI spelling,
 * ignore lists, the bounded walk, the index, the scanner's reaction to file
 * events and settings, the choice of workspace reports, the folders' ignore
 * files, and the signal that holds workspace pulls.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CancellationTokenSource, FileChangeType, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { resolveConfig } from '../../server/src/engine/index';
import { showLocationTitle } from '../../server/src/lsp/codeActions';
import { configDiagnostics, isConfigFileName, ProjectConfigs } from '../../server/src/lsp/projectConfig';
import { IgnoreFiles, isIgnoreFileName } from '../../server/src/lsp/ignoreFiles';
import { SettledLookups } from '../../server/src/lsp/settledLookups';
import { filterIncluded, findFiles, isIgnoredFile, ScanCancelledError, scanIgnores } from '../../server/src/lsp/scan';
import { canonicalUri, displayName, fileUri, isUnder } from '../../server/src/lsp/uris';
import { WorkspaceScanner, type FolderSettings } from '../../server/src/lsp/workspace';
import { EMPTY_RESULT_ID } from '../../server/src/lsp/resultIds';
import { ChangeSignal, workspaceReports } from '../../server/src/lsp/workspaceDiagnostics';
import { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';

let root: string;

function write(name: string, text = 'text\n'): string {
  const file = path.join(root, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function relative(files: readonly string[]): string[] {
  return files.map((file) => path.relative(root, file).split(path.sep).join('/'));
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'policylint-scan-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('uris', () => {
  it('spells file URIs the way VS Code does, whoever wrote them', () => {
    const file = '/work/notes (draft) #1.md';
    expect(fileUri(file)).toBe('file:///work/notes%20%28draft%29%20%231.md');
    expect(canonicalUri(pathToFileURL(file).href)).toBe(fileUri(file));
    expect(canonicalUri(fileUri(file))).toBe(fileUri(file));
    expect(fileUri('C:\\Users\\a b\\x.md')).toBe('file:///c%3A/Users/a%20b/x.md');
    expect(canonicalUri('untitled:Untitled-1')).toBe('untitled:Untitled-1');
    expect(canonicalUri('file://host/share/x.md')).toBe('file://host/share/x.md');
  });

  it('tells what lies under a folder and names files for people', () => {
    expect(isUnder('file:///w/a/b.md', 'file:///w/a')).toBe(true);
    expect(isUnder('file:///w/a', 'file:///w/a')).toBe(true);
    expect(isUnder('file:///w/ab.md', 'file:///w/a')).toBe(false);
    expect(displayName('file:///w/notes%20%28draft%29.md')).toBe('notes (draft).md');
    expect(displayName('untitled:Untitled-1')).toBe('untitled:Untitled-1');
  });
});

describe('scan ignores', () => {
  it('always skips node_modules and .git, takes files.exclude entries set to true, and covers folders', () => {
    const ignores = scanIgnores({ '**/drafts': true, '**/kept': false, '**/*.js': { when: '$(basename).ts' } }, ['archive/', './old', '', '/abs']);
    expect(ignores).toEqual(
      expect.arrayContaining(['**/node_modules', '**/node_modules/**', '**/.git/**', '**/drafts', '**/drafts/**', 'archive', 'archive/**', 'old/**']),
    );
    expect(ignores.some((glob) => glob.includes('kept') || glob.includes('*.js') || glob.includes('abs'))).toBe(false);
    expect(scanIgnores('nonsense', [])).toEqual(scanIgnores(undefined, []));
  });
});

describe('findFiles', () => {
  it('finds supported files, sorted, skipping ignores, with progress counts', async () => {
    write('b.md');
    write('a.TXT');
    write('c.markdown');
    write('skip.js');
    write('node_modules/x.md');
    write('.git/y.md');
    write('archive/z.md');
    const counts: number[] = [];
    const found = await findFiles(root, scanIgnores(undefined, ['archive']), { onProgress: (n) => counts.push(n) });
    expect(relative(found.paths)).toEqual(['a.TXT', 'b.md', 'c.markdown']);
    expect(found.truncated).toBe(false);
    expect(counts.at(-1)).toBeGreaterThanOrEqual(3);
  });

  it('stops at the bound and says so', async () => {
    for (let i = 0; i < 30; i++) write(`d${Math.floor(i / 10)}/f${String(i).padStart(2, '0')}.md`);
    const found = await findFiles(root, scanIgnores(undefined, []), { maxFiles: 10 });
    expect(found.paths).toHaveLength(10);
    expect(found.truncated).toBe(true);
    const all = await findFiles(root, scanIgnores(undefined, []), { maxFiles: 30 });
    expect(all.paths).toHaveLength(30);
  });

  it('survives symlink loops and keeps one path per real file, never one through a link into an ignored folder', async () => {
    write('a.md');
    write('sub/b.md');
    write('archive/old.md');
    symlinkSync('..', path.join(root, 'sub', 'up'));
    symlinkSync('.', path.join(root, 'self'));
    const found = await findFiles(root, scanIgnores(undefined, ['archive']));
    expect(relative(found.paths)).toEqual(['a.md', 'sub/b.md']);
  });

  it('never follows a link out of the folder, to a folder or to a file, nor lists what lies there', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'policylint-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.md'), 'outside\n');
      mkdirSync(path.join(outside, 'deep'));
      writeFileSync(path.join(outside, 'deep', 'more.md'), 'outside\n');
      write('a.md');
      write('sub/b.md');
      symlinkSync(outside, path.join(root, 'out-dir'));
      symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'out-file.md'));
      symlinkSync(path.join(root, 'sub'), path.join(root, 'in-dir'));
      const found = await findFiles(root, scanIgnores(undefined, []));
      expect(relative(found.paths)).toEqual(['a.md', 'sub/b.md']);
      // Change events for paths through the links are refused the same way.
      const included = await filterIncluded(root, [path.join(root, 'out-file.md'), path.join(root, 'out-dir', 'secret.md'), path.join(root, 'a.md')], []);
      expect(relative([...included])).toEqual(['a.md']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('looks under a sub-folder only when asked, and throws when cancelled', async () => {
    write('a.md');
    write('new/b.md');
    expect(relative((await findFiles(root, [], { under: 'new' })).paths)).toEqual(['new/b.md']);
    const controller = new AbortController();
    controller.abort();
    await expect(findFiles(root, [], { signal: controller.signal })).rejects.toBeInstanceOf(ScanCancelledError);
  });

  it('judges single files for change events', async () => {
    const kept = write('a.md');
    const ignored = write('archive/b.md');
    const odd = write('c.js');
    const ignores = scanIgnores(undefined, ['archive']);
    expect([...(await filterIncluded(root, [kept, ignored, odd, path.join(root, 'gone.md')], ignores))]).toEqual([kept]);
    expect(await isIgnoredFile(root, ignored, ['archive', 'archive/**'])).toBe(true);
    expect(await isIgnoredFile(root, kept, ['archive', 'archive/**'])).toBe(false);
    expect(await isIgnoredFile(root, path.join(root, 'archive/unsaved.md'), ['archive/**'])).toBeUndefined();
  });
});

describe('WorkspaceIndex', () => {
  it('stores disk text under negative, never reused versions and reports what changed', () => {
    const index = new WorkspaceIndex();
    expect(index.set('file:///w/a.md', 'one')).toBe(true);
    const first = index.get('file:///w/a.md')!;
    expect(first.version).toBeLessThan(0);
    expect(first.languageId).toBe('markdown');
    expect(index.set('file:///w/a.md', 'one')).toBe(false);
    expect(index.set('file:///w/a.md', 'two')).toBe(true);
    expect(index.get('file:///w/a.md')!.version).toBeLessThan(first.version);
    index.set('file:///w/sub/b.txt', 'b');
    index.set('file:///w/sub/c.md', 'c');
    expect(index.get('file:///w/sub/b.txt')!.languageId).toBe('plaintext');
    expect(index.deleteUnder('file:///w/sub').sort()).toEqual(['file:///w/sub/b.txt', 'file:///w/sub/c.md']);
    index.set('file:///v/z.md', 'z');
    expect(index.replaceFolder('file:///w', new Map([['file:///w/new.md', 'n']])).sort()).toEqual(['file:///w/a.md', 'file:///w/new.md']);
    expect([...index.values()].map((doc) => doc.uri).sort()).toEqual(['file:///v/z.md', 'file:///w/new.md']);
  });
});

describe('WorkspaceScanner', () => {
  function fakeHost(settings: FolderSettings = { filesExclude: undefined, policylint: undefined }) {
    const host = {
      settings,
      changes: [] as string[][],
      logs: [] as string[],
      progress: [] as string[],
      folderSettings: async () => host.settings,
      createProgress: async () =>
        ({
          token: new CancellationTokenSource().token,
          begin: (title: string) => host.progress.push(`begin ${title}`),
          report: (a: number | string, b?: string) => host.progress.push(`report ${typeof a === 'string' ? a : (b ?? a)}`),
          done: () => host.progress.push('done'),
        }) as unknown as WorkDoneProgressServerReporter,
      log: (message: string) => host.logs.push(message),
      warn: (message: string) => host.logs.push(message),
      changed: (uris: readonly string[]) => host.changes.push([...uris]),
    };
    return host;
  }

  async function settled(scanner: WorkspaceScanner): Promise<void> {
    await scanner.ready;
    await scanner.whenIdle();
  }

  it('scans, reads, skips binary files with a log line, and reports progress', async () => {
    write('a.md', 'alpha');
    write('b.txt', 'beta');
    writeFileSync(path.join(root, 'c.md'), Buffer.from([104, 0, 105]));
    const host = fakeHost();
    const scanner = new WorkspaceScanner(host);
    scanner.start([{ uri: pathToFileURL(root).href, name: 'ws' }]);
    await scanner.ready;
    expect([...scanner.index.values()].map((doc) => displayName(doc.uri)).sort()).toEqual(['a.md', 'b.txt']);
    expect(host.logs.some((log) => log.includes('c.md') && log.includes('binary'))).toBe(true);
    expect(host.progress[0]).toMatch(/^begin /);
    expect(host.progress).toContain('report ws: read 3 of 3 files');
    expect(host.progress.at(-1)).toBe('done');
    expect(scanner.folderOf(fileUri(path.join(root, 'a.md')))?.name).toBe('ws');
  });

  it('follows file events: changes, deletions, ignored paths, and folders moved in', async () => {
    write('a.md', 'alpha');
    const host = fakeHost({ filesExclude: undefined, policylint: { ignore: ['archive'] } });
    const scanner = new WorkspaceScanner(host);
    scanner.start([{ uri: pathToFileURL(root).href, name: 'ws' }]);
    await scanner.ready;
    const a = fileUri(path.join(root, 'a.md'));

    write('a.md', 'changed');
    write('archive/x.md', 'ignored');
    write('moved/in/y.md', 'moved');
    scanner.filesChanged([
      { uri: pathToFileURL(path.join(root, 'a.md')).href, type: FileChangeType.Changed },
      { uri: pathToFileURL(path.join(root, 'archive/x.md')).href, type: FileChangeType.Created },
      { uri: pathToFileURL(path.join(root, 'moved')).href, type: FileChangeType.Created },
    ]);
    await settled(scanner);
    expect(scanner.index.get(a)!.getText()).toBe('changed');
    expect([...scanner.index.values()].map((doc) => path.relative(root, new URL(doc.uri).pathname)).sort()).toEqual(['a.md', 'moved/in/y.md']);

    scanner.filesChanged([{ uri: pathToFileURL(path.join(root, 'moved')).href, type: FileChangeType.Deleted }]);
    await settled(scanner);
    expect([...scanner.index.values()].map((doc) => doc.uri)).toEqual([a]);
    expect(host.changes.at(-1)).toEqual([fileUri(path.join(root, 'moved/in/y.md'))]);
  });

  it('rescans when the ignores change, and tells which open documents policylint.ignore covers', async () => {
    write('a.md');
    write('archive/old.md');
    const host = fakeHost();
    const scanner = new WorkspaceScanner(host);
    scanner.start([{ uri: pathToFileURL(root).href, name: 'ws' }]);
    await scanner.ready;
    expect(scanner.index.size).toBe(2);
    const old = pathToFileURL(path.join(root, 'archive/old.md')).href;
    expect(await scanner.isLintIgnored(old)).toBe(false);

    host.settings = { filesExclude: undefined, policylint: { ignore: ['archive'] } };
    scanner.settingsChanged();
    await settled(scanner);
    expect(scanner.index.size).toBe(1);
    expect(await scanner.isLintIgnored(old)).toBe(true);
    expect(scanner.peekLintIgnored(old)).toBe(true);

    host.settings = { filesExclude: undefined, policylint: { ignore: 'archive' } };
    scanner.settingsChanged();
    await settled(scanner);
    expect(host.logs.some((log) => log.startsWith('policylint.ignore: must be a list'))).toBe(true);
    expect(scanner.index.size).toBe(2);
  });

  it('keeps to the bound across events', async () => {
    write('a.md');
    const host = fakeHost();
    const scanner = new WorkspaceScanner(host, 1);
    scanner.start([{ uri: pathToFileURL(root).href, name: 'ws' }]);
    await scanner.ready;
    write('b.md');
    scanner.filesChanged([{ uri: pathToFileURL(path.join(root, 'b.md')).href, type: FileChangeType.Created }]);
    await settled(scanner);
    expect(scanner.index.size).toBe(1);
    expect(host.logs.some((log) => log.includes('are indexed already'))).toBe(true);
  });

  it('scans nothing for virtual folders, and is ready at once', async () => {
    const host = fakeHost();
    const scanner = new WorkspaceScanner(host);
    scanner.start([{ uri: 'vscode-vfs://github/x/y', name: 'y' }]);
    await scanner.ready;
    expect(scanner.index.size).toBe(0);
    expect(host.logs).toEqual(['policylint: not scanning vscode-vfs://github/x/y: not a local folder']);
  });
});

describe('workspace reports', () => {
  const file = (uri: string, count: number, resultId = `h${count}`) => ({
    uri,
    diagnostics: Array.from({ length: count }, () => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' })),
    resultId,
  });
  const closed = (uri: string) => uri !== 'file:///open.md';

  it('lists new and changed files, leaves out unchanged and clean unknown ones', () => {
    const reports = workspaceReports(
      [file('file:///new.md', 1), file('file:///same.md', 2), file('file:///changed.md', 1), file('file:///clean.md', 0)],
      new Map([
        ['file:///same.md', 'h2'],
        ['file:///changed.md', 'old'],
      ]),
      (uri) => !closed(uri),
      new Set(),
    );
    expect(reports.map((r) => [r.uri, r.resultId, r.items.length])).toEqual([
      ['file:///new.md', 'h1', 1],
      ['file:///changed.md', 'h1', 1],
    ]);
    expect(reports[0]).toMatchObject({ kind: 'full', version: null });
  });

  it('empties files that are gone and files the client may still show from when they were open, once', () => {
    const touched = new Set(['file:///was-open.md', 'file:///open.md', 'file:///clean-but-touched.md']);
    const reports = workspaceReports(
      [file('file:///clean-but-touched.md', 0)],
      new Map([
        ['file:///deleted.md', 'h3'],
        ['file:///already-empty.md', EMPTY_RESULT_ID],
      ]),
      (uri) => !closed(uri),
      touched,
    );
    expect(reports.map((r) => [r.uri, r.items.length]).sort()).toEqual([
      ['file:///clean-but-touched.md', 0],
      ['file:///deleted.md', 0],
      ['file:///was-open.md', 0],
    ]);
    const again = workspaceReports(
      [file('file:///clean-but-touched.md', 0)],
      new Map(reports.map((r) => [r.uri, r.resultId!])),
      (uri) => !closed(uri),
      touched,
    );
    expect(again).toEqual([]);
  });
});

describe('ChangeSignal', () => {
  it('wakes waiters once per batch, never misses a batch, and lets go on cancellation and close', async () => {
    const signal = new ChangeSignal(5);
    const source = new CancellationTokenSource();
    const since = signal.current;
    const woken = signal.wait(since, source.token);
    signal.bump();
    signal.bump();
    await woken;
    expect(signal.current).toBe(since + 1);
    // A batch already passed: no waiting.
    await signal.wait(since, source.token);

    const cancelled = new CancellationTokenSource();
    const waiting = signal.wait(signal.current, cancelled.token);
    cancelled.cancel();
    await waiting;

    const held = signal.wait(signal.current, source.token);
    signal.close();
    await held;
    await signal.wait(signal.current, source.token);
  });

  it('waits for a pause in the changes, but not forever', () => {
    vi.useFakeTimers();
    try {
      const signal = new ChangeSignal(50);
      signal.bump();
      vi.advanceTimersByTime(40);
      signal.bump();
      vi.advanceTimersByTime(40);
      // Typing on: still one open batch.
      expect(signal.current).toBe(0);
      vi.advanceTimersByTime(10);
      expect(signal.current).toBe(1);
      // A change every 40 ms never pauses for 50 ms: the batch still ends 500 ms after it began.
      for (let elapsed = 0; elapsed < 1_000; elapsed += 40) {
        signal.bump();
        vi.advanceTimersByTime(40);
      }
      expect(signal.current).toBe(2);
      vi.advanceTimersByTime(50);
      expect(signal.current).toBe(3);
      signal.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('"Show" action titles', () => {
  const location = (uri: string, line: number) => ({ uri, range: { start: { line, character: 0 }, end: { line, character: 4 } } });
  it('names the earlier copy by line and file, and other related places generically', () => {
    expect(showLocationTitle('repeated-paragraph', 'file:///w/brief.md', location('file:///w/annex%20one.md', 4))).toBe(
      'Show the earlier copy (line 5 of annex one.md)',
    );
    expect(showLocationTitle('repeated-sentence', 'file:///w/brief.md', location('file:///w/brief.md', 0))).toBe('Show the earlier copy (line 1)');
    expect(showLocationTitle('inconsistent-name', 'file:///w/brief.md', location('file:///w/a.md', 2))).toBe('Show related location (line 3 of a.md)');
  });
});

describe('ProjectConfigs', () => {
  const editor = { enable: true, config: resolveConfig({ rules: { 'repeated-paragraph': 'info', 'repeated-word': 'error' } }).config };

  it('finds the nearest config file up to the workspace folder, merges it over the editor settings, and remembers', async () => {
    write('.policylint.yaml', 'rules:\n  repeated-paragraph: error\nignore:\n  - archive/\n');
    write('sub/.policylint.json', '{ "rules": { "repeated-word": "off" } }');
    const configs = new ProjectConfigs(() => {});
    const top = path.join(root, 'a.md');
    const nested = path.join(root, 'sub', 'deep', 'b.md');
    expect(configs.peek(top, root)).toBeUndefined();
    const config = (await configs.resolve(top, root))!;
    expect(config.file).toBe(path.join(root, '.policylint.yaml'));
    expect(config.uri).toBe(fileUri(config.file));
    expect(configs.peek(top, root)).toBe(config);
    expect(config.isIgnored(path.join(root, 'archive', 'x.md'))).toBe(true);
    expect(config.isIgnored(top)).toBe(false);

    const merged = configs.apply(editor, config);
    expect(merged.config.rules).toMatchObject({ 'repeated-paragraph': 'error', 'repeated-word': 'error' });
    // The same object every time: the result cache keys on it.
    expect(configs.apply(editor, config)).toBe(merged);
    expect(configs.apply(editor, null)).toBe(editor);

    // The nearest file wins outright; nothing is merged from further up.
    const inner = (await configs.resolve(nested, root))!;
    expect(configs.apply(editor, inner).config.rules).toMatchObject({ 'repeated-paragraph': 'info', 'repeated-word': 'off' });
    expect(configs.inUse().map((c) => path.basename(c.file)).sort()).toEqual(['.policylint.json', '.policylint.yaml']);

    configs.invalidate();
    expect(configs.peek(top, root)).toBeUndefined();
    expect(configs.inUse()).toEqual([]);
  });

  it('keeps the last good version of a file while it cannot be used', async () => {
    write('.policylint.yaml', 'rules:\n  repeated-paragraph: error\n');
    const configs = new ProjectConfigs(() => {});
    const doc = path.join(root, 'a.md');
    expect(configs.apply(editor, await configs.resolve(doc, root)).config.rules).toMatchObject({ 'repeated-paragraph': 'error' });
    write('.policylint.yaml', 'rules:\n  repeated-paragraph: [');
    configs.invalidate();
    const broken = (await configs.resolve(doc, root))!;
    expect(broken.result.config).toBeUndefined();
    expect(configDiagnostics(broken).length).toBeGreaterThan(0);
    expect(configs.apply(editor, broken).config.rules).toMatchObject({ 'repeated-paragraph': 'error' });
  });

  it('stops at the workspace folder, and keeps editor settings when the file was never usable', async () => {
    write('ws/a.md');
    write('.policylint.yaml', 'rules: [');
    const configs = new ProjectConfigs(() => {});
    expect(await configs.resolve(path.join(root, 'ws', 'a.md'), path.join(root, 'ws'))).toBeNull();
    const broken = (await configs.resolve(path.join(root, 'a.md'), root))!;
    expect(broken.result.config).toBeUndefined();
    expect(configs.apply(editor, broken)).toBe(editor);
    const diagnostics = configDiagnostics(broken);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === 1 && d.source === 'policylint')).toBe(true);
  });

  it('knows config file names', () => {
    expect(['/w/.policylint.yaml', '/w/.policylint.yml', '/w/sub/.policylint.json', '/w/policylint.yaml', '/w/.policylint.toml'].map(isConfigFileName)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('IgnoreFiles', () => {
  it('reads a folder root .policylintignore once, until invalidated', async () => {
    write('.policylintignore', '# generated\n/annex.md\narchive/\n!archive/keep.md\n');
    const warn = vi.fn();
    const files = new IgnoreFiles(warn);
    expect(files.peek(root)).toBeUndefined();
    const isIgnored = await files.resolve(root);
    expect(files.peek(root)).toBe(isIgnored);
    expect(isIgnored?.(path.join(root, 'annex.md'))).toBe(true);
    expect(isIgnored?.(path.join(root, 'sub', 'annex.md'))).toBe(false);
    expect(isIgnored?.(path.join(root, 'archive', '2024', 'old.md'))).toBe(true);
    expect(isIgnored?.(path.join(root, 'archive', 'keep.md'))).toBe(false);
    expect(isIgnored?.(path.join(root, 'brief.md'))).toBe(false);

    write('.policylintignore', 'brief.md\n');
    // Cached: a change applies only once the server hears of it.
    expect((await files.resolve(root))?.(path.join(root, 'annex.md'))).toBe(true);
    files.invalidate();
    expect(files.peek(root)).toBeUndefined();
    const changed = await files.resolve(root);
    expect(changed?.(path.join(root, 'annex.md'))).toBe(false);
    expect(changed?.(path.join(root, 'brief.md'))).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('ignores nothing without a file, or with one it cannot read (and says which)', async () => {
    const warn = vi.fn();
    const files = new IgnoreFiles(warn);
    expect(await files.resolve(root)).toBeNull();
    expect(warn).not.toHaveBeenCalled();
    mkdirSync(path.join(root, 'sub', '.policylintignore'), { recursive: true });
    expect(await files.resolve(path.join(root, 'sub'))).toBeNull();
    expect(files.peek(path.join(root, 'sub'))).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(path.join(root, 'sub', '.policylintignore')));
  });

  it('is not read in an untrusted workspace', async () => {
    write('.policylintignore', 'annex.md\n');
    const files = new IgnoreFiles(() => undefined);
    files.trusted = false;
    expect(files.peek(root)).toBeNull();
    expect(await files.resolve(root)).toBeNull();
  });

  it('knows the file by name, wherever it is', () => {
    expect(isIgnoreFileName(path.join(root, '.policylintignore'))).toBe(true);
    expect(isIgnoreFileName(path.join(root, 'docs', '.policylintignore'))).toBe(true);
    expect(isIgnoreFileName(path.join(root, '.policylintignore.bak'))).toBe(false);
    expect(isIgnoreFileName(path.join(root, '.gitignore'))).toBe(false);
  });
});

describe('SettledLookups', () => {
  it('looks a key up once, and keeps no answer that settles after an invalidation', async () => {
    const lookups = new SettledLookups<string>(() => undefined);
    let release: (value: string) => void = () => undefined;
    const lookUp = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const first = lookups.get('a', lookUp);
    expect(lookups.get('a', lookUp)).toBe(first);
    expect(lookUp).toHaveBeenCalledTimes(1);
    expect(lookups.peek('a')).toBeUndefined();
    lookups.invalidate();
    release('before the change');
    expect(await first).toBe('before the change');
    // Read before the change: not an answer for after it.
    expect(lookups.peek('a')).toBeUndefined();
    expect(await lookups.get('a', async () => 'after')).toBe('after');
    expect(lookups.peek('a')).toBe('after');
    expect([...lookups.answers()]).toEqual(['after']);
  });

  it('answers null for a lookup that fails, and says which', async () => {
    const failed = vi.fn();
    const lookups = new SettledLookups<string>(failed);
    expect(await lookups.get('b', () => Promise.reject(new Error('EACCES')))).toBeNull();
    expect(lookups.peek('b')).toBeNull();
    expect(failed).toHaveBeenCalledWith('b', expect.objectContaining({ message: 'EACCES' }));
  });
});
