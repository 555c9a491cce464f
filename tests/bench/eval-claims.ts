/**
 * Evaluation of the three claim rules (not a vitest test: it reads data that
 * is not ours to ship).
 *
 * 1. Labelled sentences: `../shared/labels/wikipedia-claims/dev.tsv` holds
 *    Wikipedia sentences editors tagged as vague ({{weasel inline}}, {{according
 *    to whom}}) or unsourced ({{citation needed}}); positives only. Prints, per
 *    label, the share flagged by any claim rule and by each rule.
 * 2. Real policy prose: lints every file under `../shared/corpus/<folder>/`
 *    with only the claim rules on, and prints findings per 1,000 words per
 *    folder and rule, and throughput (cold, then cached).
 * 3. `--sample <folder> <n> [seed]` prints n random findings from a folder with
 *    their sentence, for judging precision by hand.
 *
 * Run from the project root:
 *   npx esbuild tests/bench/eval-claims.ts --bundle --platform=node --format=cjs \
 *     --main-fields=module,main --outfile=/tmp/eval-claims.cjs && node /tmp/eval-claims.cjs
 * `POLICYLINT_SHARED` overrides the location of the shared folder (default `../shared`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resetClaimAnalysisCache } from '../../server/src/engine/claims/analysis';
import { parseDocument } from '../../server/src/engine/document/parse';
import { countWords } from '../../server/src/engine/document/words';
import { Linter, resolveConfig, RULE_IDS, type Finding, type LintConfig, type SourceDocument } from '../../server/src/engine/index';
import { seededRandom } from './corpus';

const CLAIM_RULES = ['vague-attribution', 'unsourced-statistic', 'unattributed-claim'] as const;
const SHARED = resolve(process.env.POLICYLINT_SHARED ?? join(process.cwd(), '..', 'shared'));

/** A configuration with only the claim rules on, so timings measure them alone. */
function claimsOnlyConfig(): LintConfig {
  const rules: Record<string, string> = {};
  for (const id of RULE_IDS) rules[id] = (CLAIM_RULES as readonly string[]).includes(id) ? 'warning' : 'off';
  for (const id of CLAIM_RULES) rules[id] = id === 'unattributed-claim' ? 'info' : 'warning';
  const { config, problems } = resolveConfig({ rules });
  if (problems.length > 0) throw new Error(`bad eval config: ${JSON.stringify(problems)}`);
  return config;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padLeft(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

interface LabelledSentence {
  readonly label: string;
  readonly sentence: string;
}

function readLabels(): LabelledSentence[] {
  const path = join(SHARED, 'labels', 'wikipedia-claims', 'dev.tsv');
  const lines = readFileSync(path, 'utf8').split('\n');
  const rows: LabelledSentence[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const cells = line.split('\t');
    if (cells.length < 4) continue;
    rows.push({ label: cells[0]!, sentence: cells.slice(3).join(' ').replace(/\s+/g, ' ').trim() });
  }
  return rows;
}

/** Lints each labelled sentence as its own paragraph and reports the share flagged per label. */
function evaluateLabels(config: LintConfig): void {
  const rows = readLabels();
  // One document, one paragraph per sentence: sentences cannot continue each other across blank lines.
  let text = '';
  const starts: number[] = [];
  for (const row of rows) {
    starts.push(text.length);
    text += `${row.sentence}\n\n`;
  }
  const [result] = new Linter().lint([{ uri: 'labels.txt', languageId: 'plaintext', text }], config);
  const flagged = rows.map(() => new Set<string>());
  for (const finding of result!.findings) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= finding.range[0]) lo = mid;
      else hi = mid - 1;
    }
    flagged[lo]!.add(finding.ruleId);
  }
  const labels = [...new Set(rows.map((row) => row.label))].sort();
  console.log(`\nLabelled sentences (${rows.length}) from ${join(SHARED, 'labels/wikipedia-claims/dev.tsv')}`);
  console.log(`${pad('label', 12)}${padLeft('n', 6)}${padLeft('any', 9)}${CLAIM_RULES.map((id) => padLeft(id, 22)).join('')}`);
  for (const label of labels) {
    const idx = rows.map((row, i) => (row.label === label ? i : -1)).filter((i) => i >= 0);
    const any = idx.filter((i) => flagged[i]!.size > 0).length;
    const per = CLAIM_RULES.map((id) => padLeft(pct(idx.filter((i) => flagged[i]!.has(id)).length, idx.length), 22)).join('');
    console.log(`${pad(label, 12)}${padLeft(String(idx.length), 6)}${padLeft(pct(any, idx.length), 9)}${per}`);
  }
}

function corpusFiles(folder: string): SourceDocument[] {
  const dir = join(SHARED, 'corpus', folder);
  return readdirSync(dir)
    .filter((name) => (name.endsWith('.md') || name.endsWith('.txt')) && name !== 'SOURCE.md' && name !== 'README.md')
    .sort()
    .map((name) => ({
      uri: join(dir, name),
      languageId: name.endsWith('.md') ? ('markdown' as const) : ('plaintext' as const),
      text: readFileSync(join(dir, name), 'utf8'),
    }));
}

function corpusFolders(): string[] {
  const dir = join(SHARED, 'corpus');
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

/** CPU seconds (user and system) spent in `run`. */
function cpuSeconds(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function proseWords(doc: SourceDocument): number {
  return parseDocument(doc).prose.reduce((sum, block) => sum + countWords(block.prose), 0);
}

/** Lints each corpus folder and prints findings per 1,000 words and throughput. */
function evaluateCorpus(config: LintConfig): void {
  console.log(`\nCorpus ${join(SHARED, 'corpus')}: findings per 1,000 words (claim rules only)`);
  console.log(
    `${pad('folder', 24)}${padLeft('docs', 6)}${padLeft('words', 10)}${CLAIM_RULES.map((id) => padLeft(id, 22)).join('')}${padLeft('MB/s first', 12)}${padLeft('MB/s cold', 12)}${padLeft('MB/s warm', 12)}  (CPU time)`,
  );
  let totalBytes = 0;
  let totalCold = 0;
  let totalFirst = 0;
  for (const folder of corpusFolders()) {
    const docs = corpusFiles(folder);
    const bytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.text, 'utf8'), 0);
    const words = docs.reduce((sum, doc) => sum + proseWords(doc), 0);
    // Parse first and time a run with every rule off (directives, sorting), so the figures
    // cover the claim rules alone. "first" is the first analysis in this process (the JIT
    // compiler still warming up, as in a one-shot CLI run); "cold" analyses every paragraph
    // again with the cache emptied and the code warm, as a long-running editor server does;
    // "warm" is a lint from the per-paragraph cache. Each of those runs in a new Linter,
    // against a new Linter's run with the rules off: a Linter serves an unchanged document's
    // findings from its own cache, before any rule runs. CPU time, not wall time, so a busy
    // machine skews them less.
    const off = resolveConfig({ rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'off'])) }).config;
    const fresh = (settings: typeof config): number => {
      const linter = new Linter();
      return cpuSeconds(() => linter.lint(docs, settings));
    };
    fresh(off);
    const baseline = fresh(off);
    let results: ReturnType<Linter['lint']> = [];
    const linter = new Linter();
    const first = Math.max(1e-3, cpuSeconds(() => (results = linter.lint(docs, config))) - baseline);
    for (let round = 0; round < 2; round++) {
      resetClaimAnalysisCache();
      fresh(config);
    }
    resetClaimAnalysisCache();
    const cold = Math.max(1e-3, fresh(config) - baseline);
    const warm = Math.max(1e-3, fresh(config) - baseline);
    totalBytes += bytes;
    totalCold += cold;
    totalFirst += first;
    const counts = CLAIM_RULES.map((id) => results.reduce((sum, r) => sum + r.findings.filter((f) => f.ruleId === id).length, 0));
    const per = counts.map((c) => padLeft(`${((1000 * c) / words).toFixed(2)} (${c})`, 22)).join('');
    const mbps = (seconds: number): string => (bytes / 1e6 / seconds).toFixed(1);
    console.log(
      `${pad(folder, 24)}${padLeft(String(docs.length), 6)}${padLeft(String(words), 10)}${per}${padLeft(mbps(first), 12)}${padLeft(mbps(cold), 12)}${padLeft(mbps(warm), 12)}`,
    );
  }
  console.log(
    `Claim rules over ${(totalBytes / 1e6).toFixed(1)} MB: ${(totalBytes / 1e6 / totalCold).toFixed(1)} MB/s cold with warm code, ${(totalBytes / 1e6 / totalFirst).toFixed(1)} MB/s on a first run`,
  );
}


/** Prints `n` random findings from a corpus folder with the sentence around each. */
function sample(config: LintConfig, folder: string, n: number, seed: number, rule?: string): void {
  const docs = corpusFiles(folder);
  const results = new Linter().lint(docs, config);
  const all: { doc: SourceDocument; finding: Finding }[] = [];
  results.forEach((result, i) => {
    for (const finding of result.findings) if (!rule || finding.ruleId === rule) all.push({ doc: docs[i]!, finding });
  });
  const random = seededRandom(seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  console.log(`\n${Math.min(n, all.length)} of ${all.length} findings in ${folder} (seed ${seed})`);
  all.slice(0, n).forEach(({ doc, finding }, i) => {
    const parsed = parseDocument(doc);
    const sentence = parsed.prose.flatMap((b) => b.sentences).find((s) => s.range[0] <= finding.range[0] && finding.range[0] < s.range[1]);
    const context = sentence ? doc.text.slice(sentence.range[0], sentence.range[1]) : doc.text.slice(finding.range[0], finding.range[1]);
    const name = doc.uri.slice(doc.uri.lastIndexOf('/') + 1);
    console.log(`\n#${i + 1} ${finding.ruleId} ${name}\n   ${finding.message}\n   > ${context.replace(/\s+/g, ' ').slice(0, 600)}`);
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const config = claimsOnlyConfig();
  if (args[0] === '--sample') {
    sample(config, args[1] ?? 'crs-reports', Number(args[2] ?? 30), Number(args[3] ?? 1), args[4]);
    return;
  }
  evaluateLabels(config);
  evaluateCorpus(config);
}

main();
