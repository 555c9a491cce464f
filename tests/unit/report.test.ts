import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consistencyReport, renderConsistencyReport, resolveConfig } from '../../server/src/engine/index';
import { doc } from './helpers';

const SEED = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8');
const seed = { uri: 'file:///w/seed-article.txt', languageId: 'plaintext' as const, text: SEED };
const rendering = { label: (uri: string) => uri.slice(uri.lastIndexOf('/') + 1), link: (uri: string, line: number) => `${uri}#L${line}` };

describe('consistency report', () => {
  it('gives the founding draft one name written two ways and its two pasted paragraphs', () => {
    const report = consistencyReport([seed]);
    expect(report.names).toEqual([
      {
        rule: 'inconsistent-name',
        preferred: { text: 'US', count: 2, first: expect.objectContaining({ line: 2 }) },
        configured: false,
        variants: [{ text: 'U.S.', count: 1, first: expect.objectContaining({ line: 1 }) }],
      },
    ]);
    expect(report.repeats.map((group) => group.copies.map((copy) => [copy.at.line, copy.kind]))).toEqual([
      [[2, 'first'], [4, 'identical']],
      [[3, 'first'], [5, 'identical']],
    ]);
  });

  it('follows names.preferred and names.distinct as the rules do', () => {
    const text = 'Zelenskyy spoke. Zelenskyy met allies. Critics of Zelensky disagreed.';
    const preferred = consistencyReport([doc('a.md', text)], resolveConfig({ names: { preferred: ['Zelensky'] } }).config);
    expect(preferred.names.map((n) => [n.preferred.text, n.configured, n.variants.map((v) => v.text)])).toEqual([['Zelensky', true, ['Zelenskyy']]]);
    expect(consistencyReport([doc('a.md', text)], resolveConfig({ names: { distinct: [['Zelensky', 'Zelenskyy']] } }).config).names).toEqual([]);
  });

  it('groups a copy of a copy with the first, lists acronym definitions that differ, and scores near copies', () => {
    const para = 'The ministry will publish the revised allocation formula for regional health boards before the spring budget statement.';
    const near = para.replace('revised', 'updated');
    const docs = [
      doc('a.md', `The Congressional Budget Office (CBO) agreed.\n\n${para}\n`),
      doc('b.md', `The Central Bank of Oman (CBO) did not.\n\n${para}\n`),
      doc('c.md', `${near}\n`),
    ];
    const report = consistencyReport(docs);
    expect(report.acronyms).toEqual([
      {
        acronym: 'CBO',
        definitions: [
          { long: 'Congressional Budget Office', at: expect.objectContaining({ uri: 'a.md', line: 1 }) },
          { long: 'Central Bank of Oman', at: expect.objectContaining({ uri: 'b.md', line: 1 }) },
        ],
        uses: 2,
      },
    ]);
    expect(report.repeats).toHaveLength(1);
    const copies = report.repeats[0]!.copies;
    expect(copies.map((c) => [c.at.uri, c.kind])).toEqual([['a.md', 'first'], ['b.md', 'identical'], ['c.md', 'similar']]);
    expect(copies[2]!.score).toBeGreaterThan(0.9);
    const markdown = renderConsistencyReport(report, rendering);
    expect(markdown).toContain('| CBO | Congressional Budget Office ([a.md:1](<a.md#L1>))<br>Central Bank of Oman ([b.md:1](<b.md#L1>)) ⚠ defined more than one way | 2 |');
    expect(markdown).toMatch(/- \[c\.md:1\]\(<c\.md#L1>\): near copy \(9\d%\)/);
  });

  it('escapes Markdown in names and excerpts, and says so when there is nothing to list', () => {
    const empty = renderConsistencyReport(consistencyReport([doc('a.md', 'Nothing to see here.')]), rendering);
    expect(empty).toContain('None: every name is written one way.');
    expect(empty).toContain('No acronym is defined');
    const report = consistencyReport([doc('x.md', '*Emphasis* | pipes [and] brackets in a paragraph long enough to be compared here.\n\n*Emphasis* | pipes [and] brackets in a paragraph long enough to be compared here.\n')]);
    expect(renderConsistencyReport(report, rendering)).toContain('> Emphasis \\| pipes \\[and\\] brackets in a paragraph long enough to be compared here.');
  });
});
