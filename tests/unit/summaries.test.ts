// The two-step engine (per-document analysis, then the cross-document step
// over plain-data summaries) must give exactly what one whole-set lint
// gives: whether the analyses were made in one linter, in separate ones (as
// worker threads make them), copied through structured clone (as they cross
// threads and the CLI cache), or only summarised (another shard's files).
import { describe, expect, it } from 'vitest';
import { combineAnalyses, Linter, lintDocuments, resolveConfig, DEFAULT_CONFIG, type DocumentAnalysis, type SourceDocument } from '../../server/src/engine/index';
import { doc, fixture } from './helpers';

const PARAGRAPH = 'The committee reviewed the proposal in detail and found that the cost estimates were far too optimistic for the period.';
const NEAR = 'The committee reviewed the proposal in detail and found that the cost estimates were much too optimistic for that period.';

/** A small set that exercises every cross-file rule: repeats across files, names, spellings, acronyms, directives. */
const SET: SourceDocument[] = [
  doc('set/brief.md', `# Brief\n\n${PARAGRAPH}\n\nThe U.S. and NATO met with Zelenskyy and Pete Hegseth. Hegseth spoke; Secretary Hegseth agreed; Pete Hegseth left.\n\nThe Government Accountability Office (GAO) published its defense review.\n\nExperts say that 70% of households lack broadband.\n`),
  doc('set/annex.md', `# Annex\n\n${PARAGRAPH}\n\n${NEAR}\n\nThe US and Nato met with Zelensky and Pete Hegsith. The GAO agreed with the CBO.\n\n<!-- policylint-disable-next-line inconsistent-spelling -->\nThe defence budget grew; the defense budget grew again and again.\n\n<!-- policylint-disable no-such-rule -->\n`),
  doc('set/notes.txt', `Notes\n\nThe GAO met first. The CBO said the Government Accountability Office (GAO) was right. The the minister agreed.\n\n${NEAR}\n\nThis sentence is long enough to be reported when it repeats later on. This sentence is long enough to be reported when it repeats later on.\n`),
  doc('set/seed.txt', fixture('seed-article.txt')),
  doc('set/crlf.md', `A paragraph with CRLF line endings that says the U.S. again.\r\n\r\n${PARAGRAPH}\r\n`),
];

function analyseSeparately(documents: readonly SourceDocument[], config = DEFAULT_CONFIG, summaryOnly: (uri: string) => boolean = () => false): DocumentAnalysis[] {
  // A fresh linter per document, as each worker thread has its own.
  return documents.map((source) => structuredClone(new Linter().analyze(source, config, { summaryOnly: summaryOnly(source.uri) })));
}

describe('document summaries', () => {
  const whole = lintDocuments(SET);

  it('finds cross-file problems in the fixture set (so the comparisons below compare something)', () => {
    const rules = new Set(whole.flatMap((result) => result.findings.map((finding) => finding.ruleId)));
    for (const id of ['repeated-paragraph', 'repeated-sentence', 'inconsistent-name', 'acronym-undefined', 'acronym-before-definition', 'invalid-directive', 'repeated-word', 'vague-attribution']) {
      expect(rules).toContain(id);
    }
  });

  it('gives the same results analysed per file, cloned, and combined, as one whole-set lint', () => {
    expect(combineAnalyses(analyseSeparately(SET))).toEqual(whole);
  });

  it('gives the same results whatever order the analyses arrive in', () => {
    const reversed = analyseSeparately([...SET].reverse());
    const results = combineAnalyses(reversed);
    expect(results.map((r) => r.uri)).toEqual([...SET].reverse().map((d) => d.uri));
    expect(new Map(results.map((r) => [r.uri, r]))).toEqual(new Map(whole.map((r) => [r.uri, r])));
  });

  it('with a configuration too', () => {
    const config = resolveConfig(
      { rules: { 'repeated-paragraph': 'off', 'inconsistent-name': 'error' }, names: { preferred: ['Zelensky'] }, repeated: { minWords: 5, similarity: 0.7 } },
      DEFAULT_CONFIG,
    ).config;
    expect(combineAnalyses(analyseSeparately(SET, config), config)).toEqual(lintDocuments(SET, config));
  });

  it('reports only the analysed files when the others are only summarised, and the same for them as a whole run', () => {
    const own = new Set(['set/annex.md', 'set/seed.txt']);
    const results = combineAnalyses(analyseSeparately(SET, DEFAULT_CONFIG, (uri) => !own.has(uri)));
    expect(results.map((r) => r.uri)).toEqual(['set/annex.md', 'set/seed.txt']);
    expect(results).toEqual(whole.filter((r) => own.has(r.uri)));
  });

  it('summaries are plain data: no functions, classes or cycles, unchanged by structured clone', () => {
    for (const source of SET) {
      const analysis = new Linter().analyze(source);
      expect(structuredClone(analysis)).toEqual(analysis);
      expect(JSON.parse(JSON.stringify(analysis.summary.names))).toEqual(analysis.summary.names);
    }
  });

  it('one linter analysing file by file gives what separate linters give', () => {
    const linter = new Linter();
    expect(combineAnalyses(SET.map((source) => linter.analyze(source)))).toEqual(whole);
  });

  it('keeps the very result objects of documents an edit elsewhere leaves as they were', () => {
    const linter = new Linter();
    const before = linter.lint(SET);
    const edited = SET.map((source) => (source.uri.endsWith('seed.txt') ? { ...source, text: `${source.text}\nOne more line.\n` } : source));
    const after = linter.lint(edited);
    // The repeat rules make new (equal) findings for every document that has copies, each run.
    expect(before.filter((result) => result.findings.some((f) => f.ruleId === 'repeated-paragraph')).length).toBeGreaterThan(1);
    SET.forEach((source, i) => {
      if (source.uri.endsWith('seed.txt')) return;
      expect(after[i]).toEqual(before[i]);
      expect(after[i]!.findings).toBe(before[i]!.findings);
    });
  });
});
