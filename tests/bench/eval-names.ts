/**
 * Evaluation of the six name and acronym rules (not a vitest test: it reads
 * data that is not ours to ship).
 *
 * 1. The founding draft (tests/fixtures/seed-article.txt): prints every finding.
 * 2. Real policy prose: lints each folder of `../shared/corpus/` as one
 *    document set with only the name rules on; prints findings per folder and
 *    rule, the most frequent findings, and throughput (cold, then cached).
 * 3. `--sample <n> [seed]` prints n random findings from the whole corpus with
 *    their line, for judging precision by hand.
 * 4. `--show <folder> <rule>` prints every finding of one rule in one folder.
 *
 * Run from the project root:
 *   npx esbuild tests/bench/eval-names.ts --bundle --platform=node --format=cjs \
 *     --main-fields=module,main --outfile=/tmp/eval-names.cjs && node /tmp/eval-names.cjs
 * `POLICYLINT_SHARED` overrides the location of the shared folder (default `../shared`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Linter, resolveConfig, RULE_IDS, type DocumentResult, type LintConfig, type SourceDocument } from '../../server/src/engine/index';
import { NAME_RULES } from '../unit/names-helpers';

const SHARED = resolve(process.env.POLICYLINT_SHARED ?? join(process.cwd(), '..', 'shared'));
const CORPUS = join(SHARED, 'corpus');

/** Only the name rules, at their default severities, so timings measure them alone. */
function namesOnlyConfig(): LintConfig {
  const rules: Record<string, string> = {};
  for (const id of RULE_IDS) if (!(NAME_RULES as readonly string[]).includes(id)) rules[id] = 'off';
  const { config, problems } = resolveConfig({ rules });
  if (problems.length > 0) throw new Error(`bad eval config: ${JSON.stringify(problems)}`);
  return config;
}

/** Every rule off: a lint that only parses, to subtract parsing from the timings. */
function parseOnlyConfig(): LintConfig {
  const rules: Record<string, string> = {};
  for (const id of RULE_IDS) rules[id] = 'off';
  return resolveConfig({ rules }).config;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function lineOf(text: string, offset: number): { line: number; text: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const endAt = text.indexOf('\n', offset);
  const end = endAt < 0 ? text.length : endAt;
  return { line: text.slice(0, offset).split('\n').length, text: text.slice(start, end) };
}

function readFolder(folder: string): SourceDocument[] {
  const dir = join(CORPUS, folder);
  return readdirSync(dir)
    .filter((name) => /\.(md|txt)$/.test(name) && name !== 'SOURCE.md' && name !== 'README.md')
    .sort()
    .map((name) => ({
      uri: `${folder}/${name}`,
      languageId: name.endsWith('.md') ? 'markdown' : 'plaintext',
      text: readFileSync(join(dir, name), 'utf8'),
    }));
}

function folders(): string[] {
  return readdirSync(CORPUS).filter((name) => statSync(join(CORPUS, name)).isDirectory()).sort();
}

interface Flat {
  readonly folder: string;
  readonly uri: string;
  readonly text: string;
  readonly ruleId: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

function flatten(folder: string, docs: readonly SourceDocument[], results: readonly DocumentResult[]): Flat[] {
  const texts = new Map(docs.map((d) => [d.uri, d.text]));
  return results.flatMap((r) =>
    r.findings.map((f) => ({ folder, uri: r.uri, text: texts.get(r.uri)!, ruleId: f.ruleId, message: f.message, start: f.range[0], end: f.range[1] })),
  );
}

function printFinding(f: Flat): void {
  const { line, text } = lineOf(f.text, f.start);
  const column = f.start - (f.text.lastIndexOf('\n', f.start - 1) + 1);
  const excerpt = text.slice(Math.max(0, column - 60), column + 80).replace(/\s+/g, ' ');
  console.log(`- [${f.ruleId}] ${f.uri}:${line}  ${f.message}\n    …${excerpt}…`);
}

function seedArticle(config: LintConfig): void {
  const text = readFileSync(join(process.cwd(), 'tests/fixtures/seed-article.txt'), 'utf8');
  const docs: SourceDocument[] = [{ uri: 'seed-article.txt', languageId: 'plaintext', text }];
  const findings = flatten('fixtures', docs, new Linter().lint(docs, config));
  console.log(`## Founding draft: ${findings.length} finding(s)`);
  findings.forEach(printFinding);
}

function corpus(config: LintConfig): Flat[] {
  const all: Flat[] = [];
  let bytes = 0;
  let cold = 0;
  let warm = 0;
  let parse = 0;
  const parseOnly = parseOnlyConfig();
  console.log('\n## Corpus (each folder linted as one document set)');
  console.log(`${pad('folder', 24)}${pad('docs', 6)}${NAME_RULES.map((id) => pad(id, 27)).join('')}`);
  for (const folder of folders()) {
    const docs = readFolder(folder);
    bytes += docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
    let t = performance.now();
    new Linter().lint(docs, parseOnly);
    parse += performance.now() - t;
    const linter = new Linter();
    t = performance.now();
    const results = linter.lint(docs, config);
    cold += performance.now() - t;
    // Same texts in a fresh array: parse and mention caches hit, the set index is rebuilt.
    t = performance.now();
    linter.lint([...docs], config);
    warm += performance.now() - t;
    const flat = flatten(folder, docs, results);
    all.push(...flat);
    const counts = NAME_RULES.map((id) => String(flat.filter((f) => f.ruleId === id).length));
    console.log(`${pad(folder, 24)}${pad(String(docs.length), 6)}${counts.map((c) => pad(c, 27)).join('')}`);
  }
  const mb = bytes / 1e6;
  // The parse-only lint runs first and fills the parser's content cache, so the second lint costs the name rules (cold mention caches) and little else.
  console.log(
    `\nThroughput: ${mb.toFixed(2)} MB. Parsing (cold) ${(parse / 1000).toFixed(2)} s; ` +
      `name rules on the parsed set ${(cold / 1000).toFixed(2)} s (${(mb / (cold / 1000)).toFixed(2)} MB/s); ` +
      `re-lint with every paragraph's mentions cached ${(warm / 1000).toFixed(2)} s.`,
  );
  return all;
}

function mostFrequent(all: readonly Flat[]): void {
  const byText = new Map<string, number>();
  for (const f of all) {
    const key = `${f.ruleId} ${f.text.slice(f.start, f.end)}`;
    byText.set(key, (byText.get(key) ?? 0) + 1);
  }
  console.log('\n## Most frequent (rule, text)');
  for (const [key, n] of [...byText].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${String(n).padStart(5)}  ${key}`);
}

/** A small deterministic generator, so a sample can be drawn again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function main(): void {
  const config = namesOnlyConfig();
  const args = process.argv.slice(2);
  if (args[0] === '--show') {
    const [, folder, rule] = args;
    const docs = readFolder(folder!);
    flatten(folder!, docs, new Linter().lint(docs, config)).filter((f) => f.ruleId === rule).forEach(printFinding);
    return;
  }
  seedArticle(config);
  const all = corpus(config);
  const g7 = all.filter((f) => f.uri.endsWith('2024-06-14-fact-sheet-the-2024-g7-summit-in-apulia-italy.md') && /Zelensk/.test(f.message));
  console.log(`\nG7 Apulia fact sheet, Zelenskyy/Zelensky: ${g7.length > 0 ? 'found' : 'MISSING'}`);
  g7.forEach(printFinding);
  if (args[0] === '--sample') {
    const n = Number(args[1] ?? 30);
    const next = random(Number(args[2] ?? 1));
    const pool = [...all];
    console.log(`\n## ${n} random findings`);
    for (let i = 0; i < n && pool.length > 0; i++) printFinding(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return;
  }
  mostFrequent(all);
}

main();
