/**
 * LSP latency and memory (issue 8, item 3), over real JSON-RPC to the built
 * server (`server/out/server.js`, so run `npm run build` first):
 *
 * 1. A ~300 KB and a ~2 MB Markdown draft, made by concatenating corpus
 *    documents (seeded order), get 200 single-character edits at seeded
 *    random positions, each followed by a `textDocument/diagnostic` pull;
 *    prints p50/p95/max of edit-to-diagnostics time, and p50/p95 of the
 *    edits after the first 60 (see `SETTLED_AFTER`). The first edit comes
 *    3 s after the open (see `READING_MS`), and again with none ("typing at
 *    once"). The 300 KB draft is also edited inside a workspace folder
 *    holding the whole corpus, where cross-file rules see every scanned file.
 * 2. The server's RSS (VmRSS, and VmHWM for the peak) after opening 1,000
 *    documents (pulling one, and again pulling each, as VS Code pulls
 *    every open document), and after scanning a 1,000-file workspace folder.
 * 3. A long editing session: the 300 KB draft edited 2,000 times (see
 *    `SESSION_EDITS`), for the server's RSS after it: a keystroke must not
 *    leave memory behind that the next ones add to.
 *
 * No assertions: figures for people and for comparing commits. `--json`
 * prints the rows as JSON; `--cpu-prof` writes V8 CPU profiles of the
 * servers to `$TMPDIR/policylint-lsp-profiles/`; `--edits N` changes the edit count;
 * `--only=300k,300k-now,2m,300k-ws,open,open-pulled,scan,session` runs some of the rows; `--no-warm-up` starts the server so; `--server=PATH`
 * measures another build of the server on the same workload (see ab.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeTextDocumentNotification, type ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../client/src/serverFlags';
import type { SourceDocument } from '../../server/src/engine/index';
import { TestServer } from '../lsp/harness';
import { corpusRoot, readDocuments, seededRandom } from './corpus';

const argv = process.argv.slice(2);
const asJson = argv.includes('--json');
const profileDir = argv.includes('--cpu-prof') ? join(tmpdir(), 'policylint-lsp-profiles') : undefined;
const editsArg = argv.indexOf('--edits');
const EDITS = editsArg >= 0 ? Number(argv[editsArg + 1]) : 200;
const serverPath = argv.find((arg) => arg.startsWith('--server='))?.slice('--server='.length);
const SEED = 8;
/** `--no-warm-up`: the server does not warm its edit path up (see {@link READING_MS}), to measure what that gains. */
const serverArgs = argv.includes('--no-warm-up') ? ['--no-warm-up'] : [];
/**
 * How long the bench waits after opening a draft before its first edit, as
 * a writer reads before typing. A quiet server warms its edit path up in
 * that time (server/src/lsp/warmUp.ts: about 120 lints of a copy of the
 * draft, 1-2 s). The "typing at once" row does not wait.
 */
const READING_MS = 3_000;
/**
 * The first edits of a fresh server cost about twice what later ones do, for
 * about this many edits: V8 has not yet optimised the code an edit runs
 * (opening a document runs other code), and the young generation is still
 * growing into fresh pages. The target figures count them, as a writer's
 * first minute of typing does; the "edits 61+" figures show what typing
 * costs after that.
 */
const SETTLED_AFTER = 60;

/**
 * Edits in the long-session row. Each keystroke inside one of the draft's
 * long footnote lists once kept the whole draft alive through a cache entry
 * (found on 2026-11-30: 864 MB after 200 edits of the 2 MB draft), and
 * caches bounded by entry count alone kept growing for thousands of edits.
 */
const SESSION_EDITS = 2_000;

/**
 * How long the memory scenarios leave the server idle before reading its
 * memory again: the server collects after 5 s of quiet (IDLE_QUIET_MS),
 * empties its caches and collects again after 30 s (IDLE_RELEASE_MS), and V8
 * gives the freed pages back about 25-30 s after each collection (its memory
 * reducer runs more collections once allocation has stopped). Measured every
 * 5 s after a workspace scan: 568 MB, 526 from 10 s, 459 from 35 s, 389 from
 * 60 s on; so read at 90 s, when it has settled.
 */
const IDLE_MS = 90_000;

/** What VS Code announces for diagnostics, configuration and progress. */
const CAPABILITIES: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { configuration: true, diagnostics: { refreshSupport: true } },
  window: { workDoneProgress: true },
};

type Row = Record<string, string | number>;
const rows: Row[] = [];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number): number => Math.round(value * 10) / 10;

/** VmRSS and VmHWM of a process, in MB, from `/proc` (Linux only). */
function memoryOf(pid: number | undefined): { rss: number | string; hwm: number | string } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => Number(/\s(\d+) kB/.exec(status.split('\n').find((line) => line.startsWith(name)) ?? '')?.[1] ?? NaN) / 1024;
    return { rss: Math.round(field('VmRSS:')), hwm: Math.round(field('VmHWM:')) };
  } catch {
    return { rss: 'n/a', hwm: 'n/a' };
  }
}

function spawnServer(): TestServer {
  // The flags and environment the VS Code client starts the server with, so that it collects at idle and gives
  // memory back as it does there.
  const nodeArgs = [...SERVER_NODE_FLAGS, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const server = TestServer.spawn({ nodeArgs, env: { ...process.env, ...SERVER_ENV }, serverArgs, ...(serverPath ? { serverPath } : {}) });
  // Defaults for every rule: the bench measures what a user gets out of the box.
  server.settings = {};
  return server;
}

/** Documents concatenated in a seeded order until the draft reaches `bytes`. */
function makeDraft(docs: readonly SourceDocument[], bytes: number): string {
  const random = seededRandom(SEED);
  const order = docs.map((doc) => ({ doc, key: random() })).sort((a, b) => a.key - b.key);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = order[i % order.length]!.doc.text;
    parts.push(text);
    size += text.length + 2;
  }
  // Cut at the first paragraph break past the target, so the size is about `bytes`.
  const text = parts.join('\n\n');
  const cut = text.indexOf('\n\n', bytes);
  return cut < 0 ? text : `${text.slice(0, cut)}\n`;
}

/** Waits for the end of the server's first work-done progress (the workspace scan and its first lint). */
async function scanDone(server: TestServer): Promise<void> {
  const token = await server.progressCreated.next(() => true, 600_000);
  await server.progress.next((event) => event.token === token && event.value.kind === 'end', 600_000);
}

/**
 * Opens `text` as a Markdown draft, waits `readingMs`, then makes `edits`
 * single-character insertions at seeded random offsets, each followed by a
 * pull; returns the time from sending the change to receiving the report.
 */
async function editLatency(label: string, text: string, folder?: string, edits = EDITS, readingMs = READING_MS): Promise<void> {
  const server = spawnServer();
  try {
    const workspaceFolders = folder ? [{ uri: pathToFileURL(folder).href, name: 'corpus' }] : null;
    await server.initialize(CAPABILITIES, { workspaceFolders });
    let scanMs: number | undefined;
    if (folder) {
      const start = performance.now();
      await scanDone(server);
      scanMs = performance.now() - start;
    }
    const uri = pathToFileURL(join(tmpdir(), 'policylint-bench', `draft-${label}.md`)).href;
    let doc = TextDocument.create(uri, 'markdown', 1, text);
    const openStart = performance.now();
    await server.open(uri, 'markdown', text);
    let report = await server.pull(uri);
    const openMs = performance.now() - openStart;
    const findings = report.kind === 'full' ? report.items.length : 0;
    // What every edit's pull carries back: the server writes and the client parses this much JSON per keystroke.
    const reportKB = Math.round(Buffer.byteLength(JSON.stringify(report)) / 1000);
    let resultId = report.resultId;

    // The same text again: must come from the cache.
    const unchangedStart = performance.now();
    report = await server.pull(uri, resultId);
    const unchangedMs = performance.now() - unchangedStart;
    const unchangedKind = report.kind;
    // The writer reads before typing; the server warms its edit path up meanwhile.
    if (readingMs > 0) await new Promise((resolve) => setTimeout(resolve, readingMs));

    const random = seededRandom(SEED + text.length);
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const offset = Math.floor(random() * (doc.getText().length + 1));
      const letter = String.fromCharCode(97 + Math.floor(random() * 26));
      const position = doc.positionAt(offset);
      const change = { range: { start: position, end: position }, text: letter };
      doc = TextDocument.update(doc, [change], doc.version + 1);
      const start = performance.now();
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: doc.version },
        contentChanges: [change],
      });
      report = await server.pull(uri, resultId);
      times.push(performance.now() - start);
      if (report.resultId) resultId = report.resultId;
    }
    const settled = times.slice(SETTLED_AFTER).sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const memory = memoryOf(server.process.pid);
    rows.push({
      bench: 'lsp-edit',
      draft: label,
      KB: Math.round(text.length / 1000),
      ...(scanMs === undefined ? {} : { 'scan+first lint ms': Math.round(scanMs) }),
      'open+pull ms': Math.round(openMs),
      'reading s': readingMs / 1000,
      'unchanged pull ms': ms(unchangedMs),
      unchanged: unchangedKind,
      edits: times.length,
      'p50 ms': ms(percentile(times, 50)),
      'p95 ms': ms(percentile(times, 95)),
      'max ms': ms(times[times.length - 1] ?? NaN),
      [`p50 / p95 ms, edits ${SETTLED_AFTER + 1}+`]: settled.length > 0 ? `${ms(percentile(settled, 50))} / ${ms(percentile(settled, 95))}` : 'n/a',
      findings,
      'report KB': reportKB,
      'RSS MB': memory.rss,
      'peak MB': memory.hwm,
    });
    await server.shutdown();
  } finally {
    server.kill();
  }
}

/**
 * The server's RSS now and after `IDLE_MS` of quiet (the server collects
 * garbage once it is quiet, and V8 then gives pages back), and its peak.
 */
async function memoryNowAndAtRest(server: TestServer): Promise<Row> {
  const memory = memoryOf(server.process.pid);
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const rested = memoryOf(server.process.pid);
  return { 'RSS MB': memory.rss, [`RSS after ${IDLE_MS / 1000} s idle MB`]: rested.rss, 'peak MB': memory.hwm };
}

/**
 * Opens 1,000 documents (corpus files, repeated under distinct URIs), pulls
 * one (or, with `pullAll`, each, as VS Code pulls every open document), and
 * reads the server's memory.
 */
async function openMany(docs: readonly SourceDocument[], count: number, pullAll = false): Promise<void> {
  const server = spawnServer();
  try {
    await server.initialize(CAPABILITIES);
    const before = memoryOf(server.process.pid);
    const start = performance.now();
    let bytes = 0;
    const uris: string[] = [];
    for (let i = 0; i < count; i++) {
      const source = docs[i % docs.length]!;
      const uri = `file:///policylint-bench/copy${Math.floor(i / docs.length)}/${source.uri.split('/').pop()}`;
      uris.push(uri);
      bytes += source.text.length;
      await server.open(uri, source.languageId, source.text);
    }
    for (const uri of pullAll ? uris : uris.slice(0, 1)) await server.pull(uri);
    const lintMs = performance.now() - start;
    rows.push({
      bench: 'lsp-memory',
      scenario: pullAll ? `${count} documents opened, each pulled` : `${count} documents opened`,
      MB: (bytes / 1e6).toFixed(1),
      [pullAll ? 'open+pulls ms' : 'open+first pull ms']: Math.round(lintMs),
      'RSS at start MB': before.rss,
      ...(await memoryNowAndAtRest(server)),
    });
    await server.shutdown();
  } finally {
    server.kill();
  }
}

/** Writes `count` corpus files (repeated in numbered folders) to a temporary workspace and lets the server scan it. */
async function scanMany(docs: readonly SourceDocument[], count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-bench-ws-'));
  const server = spawnServer();
  try {
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const source = docs[i % docs.length]!;
      const sub = join(dir, `copy${Math.floor(i / docs.length)}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, source.uri.split('/').pop()!), source.text);
      bytes += source.text.length;
    }
    await server.initialize(CAPABILITIES, { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }] });
    const start = performance.now();
    await scanDone(server);
    const scanMs = performance.now() - start;
    rows.push({
      bench: 'lsp-memory',
      scenario: `${count} files scanned`,
      MB: (bytes / 1e6).toFixed(1),
      'scan+first lint ms': Math.round(scanMs),
      ...(await memoryNowAndAtRest(server)),
    });
    await server.shutdown();
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(table: readonly Row[]): void {
  const groups = new Map<string, Row[]>();
  for (const row of table) {
    const key = Object.keys(row).join('|');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const columns = Object.keys(group[0]!);
    const widths = columns.map((c) => Math.max(c.length, ...group.map((r) => String(r[c] ?? '').length)));
    const line = (cells: string[]): string => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
    console.log(line(columns));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const row of group) console.log(line(columns.map((c) => String(row[c] ?? ''))));
    console.log('');
  }
}

async function main(): Promise<void> {
  const root = corpusRoot();
  if (!root) {
    console.error('lsp-latency: ../shared/corpus not found; skipped');
    return;
  }
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const docs = ['crs-reports', 'whitehouse-briefings', 'fomc-minutes'].flatMap((folder) => readDocuments(join(root, folder)));
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const want = (name: string): boolean => only === undefined || only.split(',').includes(name);
  if (want('300k')) await editLatency('300 KB', makeDraft(docs, 300_000));
  if (want('300k-now')) await editLatency('300 KB, typing at once', makeDraft(docs, 300_000), undefined, EDITS, 0);
  if (want('2m')) await editLatency('2 MB', makeDraft(docs, 2_000_000));
  if (want('300k-ws')) await editLatency('300 KB in corpus workspace', makeDraft(docs, 300_000), root);
  if (want('open')) await openMany(docs, 1_000);
  if (want('open-pulled')) await openMany(docs, 1_000, true);
  if (want('scan')) await scanMany(docs, 1_000);
  if (want('session')) await editLatency(`300 KB, ${SESSION_EDITS.toLocaleString('en-US')} edits`, makeDraft(docs, 300_000), undefined, SESSION_EDITS);
  if (asJson) console.log(JSON.stringify({ machine: `${process.platform} ${process.arch}, node ${process.version}`, edits: EDITS, seed: SEED, rows }, null, 2));
  else printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
