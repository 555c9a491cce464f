/**
 * `npm run bench`: speed figures, printed as a table (or JSON with --json).
 * No assertions: the figures are for people and for comparing commits.
 *
 * 1. Engine and CLI time on each folder of ../shared/corpus and on all of it,
 *    with cross-file comparison; and a check that segment-wise Markdown
 *    parsing gives the same blocks as whole-document parsing on the corpus;
 *    and the engine's re-lint of the whole corpus after one single-character
 *    edit (p50 over seeded edits), the language server's work per keystroke.
 * 2. Growth: lint time for 1k, 10k and 100k synthetic paragraphs recombined
 *    from corpus sentences with a fixed seed, 5% of them near copies.
 *
 * First, a row on the machine itself: what a fresh page of memory costs. It
 * explains much of the language-server rows (see `machineRow`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Linter, type SourceDocument } from '../../server/src/engine/index';
import { parseMarkdownBlocks, parseTree } from '../../server/src/engine/document/markdown';
import { corpusRoot, corpusSentences, readDocuments, seededRandom, wordCount } from './corpus';

const asJson = process.argv.includes('--json');
const rows: Record<string, string | number>[] = [];
const record = (row: Record<string, string | number>): void => {
  rows.push(row);
  if (!asJson) console.log(Object.entries(row).map(([k, v]) => `${k}=${v}`).join('  '));
};

function timeLint(docs: readonly SourceDocument[]): { ms: number; findings: Record<string, number> } {
  const start = performance.now();
  const results = new Linter().lint(docs);
  const ms = performance.now() - start;
  const findings: Record<string, number> = {};
  for (const result of results) for (const f of result.findings) findings[f.ruleId] = (findings[f.ruleId] ?? 0) + 1;
  return { ms, findings };
}

function summary(findings: Record<string, number>): string {
  return Object.entries(findings).sort().map(([id, n]) => `${id}:${n}`).join(',') || 'none';
}

/** Page faults of this process so far (Linux), or undefined where `/proc` is missing. */
function pageFaults(): number | undefined {
  try {
    return Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[7]);
  } catch {
    return undefined;
  }
}

/**
 * What fresh memory costs here. After each keystroke the editor's text is a
 * new string, and V8 gives a string that large fresh pages of its own, as it
 * does the objects it promotes to the old generation; each first touch of a
 * page is a page fault. On the virtual machine the README's figures come
 * from that costs about 18 µs per 4 KB page, where bare metal takes well
 * under one, so the same build reads slower there by roughly the second
 * figure per keystroke on a 350 KB draft.
 */
function machineRow(): void {
  const bytes = 64 << 20;
  const before = pageFaults();
  const start = performance.now();
  const pages = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 4096) pages[i] = 1;
  const ms = performance.now() - start;
  const after = pageFaults();
  const faults = before !== undefined && after !== undefined ? after - before : undefined;
  // A 350 KB text in two bytes per character (one curly quote is enough), edited and read again as an editor does.
  let text = `${'word '.repeat(69_999)}\u2019`;
  const copies: number[] = [];
  for (let i = 0; i < 41; i++) {
    const at = (i * 7919) % text.length;
    const copyStart = performance.now();
    text = text.slice(0, at) + 'x' + text.slice(at);
    /^/.test(text);
    copies.push(performance.now() - copyStart);
  }
  copies.sort((a, b) => a - b);
  record({
    bench: 'machine',
    'page faults': faults ?? 'n/a',
    'µs per fresh 4 KB page': faults ? ((ms * 1000) / faults).toFixed(1) : 'n/a',
    'ms per fresh copy of a 350 KB text': copies[20]!.toFixed(2),
  });
}

machineRow();

const root = corpusRoot();
if (!root) {
  console.error('bench: ../shared/corpus not found; corpus figures skipped');
} else {
  const folders = ['crs-reports', 'whitehouse-briefings', 'fomc-minutes'];
  const all: SourceDocument[] = [];
  for (const folder of folders) {
    const docs = readDocuments(join(root, folder));
    all.push(...docs);
    const bytes = docs.reduce((n, d) => n + d.text.length, 0);
    const { ms, findings } = timeLint(docs);
    record({ bench: 'engine', corpus: folder, files: docs.length, MB: (bytes / 1e6).toFixed(2), ms: Math.round(ms), 'MB/s': (bytes / 1e6 / (ms / 1000)).toFixed(2), findings: summary(findings) });
  }
  // Segment-wise parsing must give exactly the blocks of a whole-document parse.
  const markdown = all.filter((d) => d.languageId === 'markdown' && d.text.charCodeAt(0) !== 0xfeff);
  const equal = markdown.filter((d) => isDeepStrictEqual(parseMarkdownBlocks(d.text), parseTree(d.text))).length;
  record({ bench: 'segment-parse-equivalence', documents: markdown.length, identical: equal });

  const bytes = all.reduce((n, d) => n + d.text.length, 0);
  const { ms, findings } = timeLint(all);
  // The per-paragraph caches are module-wide, so this run re-uses the folder runs' work: it measures a re-lint, not a cold start (the CLI row is cold).
  record({ bench: 'engine', corpus: 'all (paragraph caches warm)', files: all.length, MB: (bytes / 1e6).toFixed(2), ms: Math.round(ms), 'MB/s': (bytes / 1e6 / (ms / 1000)).toFixed(2), findings: summary(findings) });

  // Re-lint of the whole corpus after one single-character edit, as the language server does on each keystroke
  // (every document passed again; one Linter keeps its caches and cross-file indexes). 25 seeded edits (7 swung by half
  // between runs of the same build), p50 and max.
  {
    const linter = new Linter();
    linter.lint(all);
    const random = seededRandom(8);
    const times: number[] = [];
    let docs = all;
    for (let i = 0; i < 25; i++) {
      const k = Math.floor(random() * docs.length);
      const doc = docs[k]!;
      const at = Math.floor(random() * doc.text.length);
      docs = docs.map((d, j) => (j === k ? { ...d, text: `${d.text.slice(0, at)}x${d.text.slice(at)}` } : d));
      const start = performance.now();
      linter.lint(docs);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    record({ bench: 'engine re-lint after one edit', corpus: 'all', files: all.length, edits: times.length, 'p50 ms': Math.round(times[times.length >> 1]!), 'max ms': Math.round(times[times.length - 1]!) });
  }

  const cli = join(__dirname, '../../server/out/cli.js');
  const start = performance.now();
  const run = spawnSync(process.execPath, [cli, '--format', 'json', root], { encoding: 'utf8', maxBuffer: 1 << 30 });
  record({ bench: 'cli', corpus: basename(root), exit: run.status ?? -1, ms: Math.round(performance.now() - start) });

  // Growth: recombined corpus sentences; every 20th paragraph is a near copy of an earlier one.
  const sentences = corpusSentences(all);
  const growth: number[] = [];
  for (const paragraphs of [1_000, 10_000, 100_000]) {
    const random = seededRandom(42);
    const pick = (): string => sentences[Math.floor(random() * sentences.length)]!;
    const made: string[] = [];
    for (let i = 0; i < paragraphs; i++) {
      if (i > 20 && i % 20 === 0) {
        const words = made[Math.floor(random() * i)]!.split(' ');
        words[Math.floor(random() * words.length)] = 'changed';
        made.push(words.join(' '));
      } else {
        made.push(Array.from({ length: 2 + Math.floor(random() * 4) }, pick).join(' '));
      }
    }
    const docs: SourceDocument[] = [];
    for (let i = 0; i < made.length; i += 500) {
      docs.push({ uri: `file:///synthetic/${String(i / 500).padStart(4, '0')}.md`, languageId: 'markdown', text: made.slice(i, i + 500).join('\n\n') + '\n' });
    }
    const words = made.reduce((n, p) => n + wordCount(p), 0);
    const { ms, findings } = timeLint(docs);
    growth.push(ms / paragraphs);
    record({ bench: 'growth', paragraphs, words, ms: Math.round(ms), 'us/paragraph': Math.round((ms * 1000) / paragraphs), 'repeated-paragraph': findings['repeated-paragraph'] ?? 0 });
  }
  record({ bench: 'growth', 'cost ratio 100k vs 1k per paragraph': (growth[2]! / growth[0]!).toFixed(2) });
}

if (asJson) console.log(JSON.stringify(rows, null, 2));
