// The --fix passes in-process, on strings: the real engine for what users
// see, and a scripted linter for the pass logic that real rules rarely reach.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixUntilStable, MAX_FIX_PASSES } from '../../server/src/cli/fix';
import { DEFAULT_CONFIG, resolveConfig, RULE_IDS, type DocumentResult, type Finding, type SourceDocument } from '../../server/src/engine';

const SEED = readFileSync(path.join(__dirname, '../fixtures/seed-article.txt'), 'utf8');

const PARA = 'Member states shall publish their annual emission reports before the end of March each year.';
const OTHER = 'The committee reviews every report and may ask for clarifications within sixty days.';

/** Only repeated-paragraph on, so other rules' fixes (names, words) cannot blur what is asserted. */
const ONLY_REPEATS = resolveConfig({ rules: Object.fromEntries(RULE_IDS.map((id) => [id, id === 'repeated-paragraph' ? 'warning' : 'off'])) }).config;

const doc = (uri: string, text: string): SourceDocument => ({ uri, languageId: uri.endsWith('.md') ? 'markdown' : 'plaintext', text });

/** A stand-in linter: one safe "delete the first x" finding per document that starts with x. */
const deleteOneX = {
  lint: (documents: readonly SourceDocument[]): DocumentResult[] =>
    documents.map((d) => ({
      uri: d.uri,
      findings: d.text.startsWith('x')
        ? [{ ruleId: 'x', severity: 'warning', message: 'x', range: [0, 1], fixes: [{ title: 'delete x', safe: true, edits: [{ range: [0, 1], newText: '' }] }] } satisfies Finding]
        : [],
    })),
};

describe('fixUntilStable', () => {
  it('deletes the two repeated paragraphs of the founding draft, leaving exactly its first three lines', () => {
    const text = SEED;
    const run = fixUntilStable([doc('seed.txt', text)], ONLY_REPEATS);
    expect(run.documents[0]!.text).toBe(text.split('\n').slice(0, 3).join('\n'));
    expect(run.fixed).toEqual(new Map([['seed.txt', 2]]));
    expect(run.settled).toBe(true);
    expect(run.results[0]!.findings.filter((f) => f.ruleId === 'repeated-paragraph')).toEqual([]);
  });

  it('fixes across files: the later copy goes, the earlier file is untouched', () => {
    const a = doc('/p/a.md', `# A\n\n${PARA}\n`);
    const b = doc('/p/b.md', `${OTHER}\n\n${PARA}\n`);
    const run = fixUntilStable([b, a], ONLY_REPEATS);
    expect(run.documents.map((d) => d.uri)).toEqual(['/p/b.md', '/p/a.md']);
    expect(run.documents.map((d) => d.text)).toEqual([`${OTHER}\n`, a.text]);
    expect(run.fixed).toEqual(new Map([['/p/b.md', 1]]));
  });

  it('leaves documents it may not fix as they are, while they still count for cross-file rules', () => {
    const a = doc('/p/a.md', `${PARA}\n\n${PARA}\n`);
    const b = doc('/p/b.md', `${PARA}\n`);
    const run = fixUntilStable([a, b], ONLY_REPEATS, { canFix: (uri) => uri !== '/p/a.md' });
    expect(run.documents[0]!.text).toBe(a.text);
    // b's paragraph repeats a's, which stays.
    expect(run.documents[1]!.text).toBe('');
    expect(run.fixed).toEqual(new Map([['/p/b.md', 1]]));
  });

  it('changes nothing and counts nothing when there is nothing safe to fix', () => {
    const text = `${PARA}\n\n${OTHER}\n`;
    const run = fixUntilStable([doc('a.md', text)], DEFAULT_CONFIG);
    expect(run.documents[0]!.text).toBe(text);
    expect(run.fixed.size).toBe(0);
    expect(run.settled).toBe(true);
  });

  it('re-lints between passes until nothing is left, within the pass limit', () => {
    const run = fixUntilStable([doc('a.txt', 'xxxxxok')], DEFAULT_CONFIG, { linter: deleteOneX });
    expect(run.documents[0]!.text).toBe('ok');
    expect(run.fixed.get('a.txt')).toBe(5);
    expect(run.settled).toBe(true);
  });

  it('stops after the pass limit and says the result may not be final', () => {
    const run = fixUntilStable([doc('a.txt', 'x'.repeat(MAX_FIX_PASSES + 2))], DEFAULT_CONFIG, { linter: deleteOneX });
    expect(run.documents[0]!.text).toBe('xx');
    expect(run.fixed.get('a.txt')).toBe(MAX_FIX_PASSES);
    expect(run.settled).toBe(false);
    // It settles when the last pass happens to leave nothing.
    expect(fixUntilStable([doc('a.txt', 'xxx')], DEFAULT_CONFIG, { linter: deleteOneX, maxPasses: 3 }).settled).toBe(true);
  });

  it('with a selection (--quiet), fixes only the findings it selects', () => {
    const mixed = {
      lint: (documents: readonly SourceDocument[]): DocumentResult[] =>
        documents.map((d) => ({
          uri: d.uri,
          findings: [
            ...(d.text.includes('E') ? [{ ruleId: 'e', severity: 'error', message: 'E', range: [d.text.indexOf('E'), d.text.indexOf('E') + 1], fixes: [{ title: 'drop E', safe: true, edits: [{ range: [d.text.indexOf('E'), d.text.indexOf('E') + 1], newText: '' }] }] } satisfies Finding] : []),
            ...(d.text.includes('W') ? [{ ruleId: 'w', severity: 'warning', message: 'W', range: [d.text.indexOf('W'), d.text.indexOf('W') + 1], fixes: [{ title: 'drop W', safe: true, edits: [{ range: [d.text.indexOf('W'), d.text.indexOf('W') + 1], newText: '' }] }] } satisfies Finding] : []),
          ],
        })),
    };
    const run = fixUntilStable([doc('a.txt', 'aEbWc')], DEFAULT_CONFIG, { linter: mixed, select: (finding) => finding.severity === 'error' });
    expect(run.documents[0]!.text).toBe('abWc');
    expect(run.fixed.get('a.txt')).toBe(1);
    // The warning's fix is left by choice, so the run has settled.
    expect(run.settled).toBe(true);
    expect(fixUntilStable([doc('a.txt', 'aEbWc')], DEFAULT_CONFIG, { linter: mixed }).documents[0]!.text).toBe('abc');
  });

  it('records a fix the engine cannot apply as a failure and keeps that document as it was', () => {
    const broken = {
      lint: (documents: readonly SourceDocument[]): DocumentResult[] =>
        documents.map((d) => ({
          uri: d.uri,
          findings: [
            {
              ruleId: 'bad',
              severity: 'warning',
              message: 'overlapping edits',
              range: [0, 2],
              fixes: [{ title: 'bad', safe: true, edits: [{ range: [0, 2], newText: '' }, { range: [1, 3], newText: '' }] }],
            } satisfies Finding,
          ],
        })),
    };
    const run = fixUntilStable([doc('a.txt', 'abcdef')], DEFAULT_CONFIG, { linter: broken });
    expect(run.documents[0]!.text).toBe('abcdef');
    expect(run.failures.get('a.txt')).toMatch(/overlaps another edit/);
    expect(run.fixed.size).toBe(0);
  });
});
