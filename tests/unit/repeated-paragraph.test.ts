import { describe, expect, it } from 'vitest';
import { applySafeFixes, lintDocuments, resolveConfig } from '../../server/src/engine/index';
import { paragraphDeletionRange } from '../../server/src/engine/rules/repeated-paragraph';
import { doc, fixture } from './helpers';

const LONG_A = 'Ukraine has sought NATO membership for many years as a guarantee of its security.';
const LONG_B = 'The allies have not agreed on a timetable for membership or on interim guarantees.';

function repeats(uri: string, text: string) {
  return lintDocuments([doc(uri, text)])[0]!.findings.filter((f) => f.ruleId === 'repeated-paragraph');
}

describe('repeated-paragraph', () => {
  it('finds the two verbatim repeats of the founding draft, pointing at the first copies', () => {
    const text = fixture('seed-article.txt');
    const found = repeats('seed.txt', text);
    expect(found.map((f) => f.message)).toEqual([
      'This paragraph repeats the paragraph on line 2 (identical).',
      'This paragraph repeats the paragraph on line 3 (identical).',
    ]);
    const lines = text.split('\n');
    expect(found.map((f) => text.slice(...f.range))).toEqual([lines[3], lines[4]]);
    expect(found.map((f) => text.slice(...f.related![0]!.range))).toEqual([lines[1], lines[2]]);
    expect(found.every((f) => f.tags?.includes('unnecessary') && f.severity === 'warning')).toBe(true);
  });

  it('deletes both repeats of the founding draft with safe fixes and changes nothing else', () => {
    const text = fixture('seed-article.txt');
    const found = repeats('seed.txt', text);
    const { text: fixed, fixed: count } = applySafeFixes(text, found);
    expect(count).toBe(2);
    expect(fixed).toBe(text.split('\n').slice(0, 3).join('\n'));
  });

  it('folds case, whitespace, quotes and dashes but not content', () => {
    const text = `“${LONG_A}” — yes.\n\n"${LONG_A.toUpperCase()}"   -  yes.\n\n${LONG_B}`;
    const found = repeats('a.md', text);
    expect(found).toHaveLength(1);
    expect(found[0]!.related![0]!.range[0]).toBe(0);
  });

  it('ignores markup differences in Markdown, but not different link targets', () => {
    expect(repeats('a.md', `${LONG_A}\n\n**${LONG_A}**\n`)).toHaveLength(1);
    const linkTargets = repeats('a.md', `See [the report](https://a.example) ${LONG_A}\n\nSee [the report](https://b.example) ${LONG_A}\n`);
    expect(linkTargets.map((f) => f.message)).toEqual(['This paragraph is 100% similar to the paragraph on line 1.']);
    expect((linkTargets[0]!.fixes ?? []).some((fix) => fix.safe)).toBe(false);
  });

  it('never compares headings, code or tables, and compares list items only with list items', () => {
    const text = `# ${LONG_A}\n\n${LONG_A}\n\n\`\`\`\n${LONG_A}\n\`\`\`\n\n| ${LONG_A} |\n|---|\n\n- ${LONG_A}\n`;
    expect(repeats('a.md', text)).toHaveLength(0);
    expect(repeats('a.md', `- ${LONG_A}\n- ${LONG_A}\n`)).toHaveLength(1);
  });

  it('ignores short paragraphs, with a configurable minimum', () => {
    const text = 'Short line here.\n\nShort line here.\n';
    expect(repeats('a.md', text)).toHaveLength(0);
    const { config } = resolveConfig({ repeated: { minWords: 2 } });
    const found = lintDocuments([doc('a.md', text)], config)[0]!.findings;
    expect(found.map((f) => f.ruleId)).toEqual(['repeated-paragraph']);
  });

  it('reports copies across files in uri order, naming the other file', () => {
    const results = lintDocuments([doc('file:///b/annex.md', `${LONG_B}\n\n${LONG_A}\n`), doc('file:///a/brief.md', `${LONG_A}\n`)]);
    expect(results.map((r) => r.uri)).toEqual(['file:///b/annex.md', 'file:///a/brief.md']);
    expect(results[1]!.findings).toEqual([]);
    const [finding] = results[0]!.findings;
    expect(finding!.message).toBe('This paragraph repeats the paragraph on line 1 of brief.md (identical).');
    expect(finding!.related).toEqual([{ uri: 'file:///a/brief.md', range: [0, LONG_A.length], message: 'Earlier copy of this paragraph' }]);
  });

  it('lists every earlier copy', () => {
    const found = repeats('a.md', `${LONG_A}\n\n${LONG_A}\n\n${LONG_A}\n`);
    expect(found.map((f) => f.related!.length)).toEqual([1, 2]);
  });

  it('can be turned off, leaving the repeated sentences to repeated-sentence', () => {
    const { config } = resolveConfig({ rules: { 'repeated-paragraph': 'off' } });
    const found = lintDocuments([doc('seed.txt', fixture('seed-article.txt'))], config)[0]!.findings;
    const repeats = found.filter((f) => f.ruleId.startsWith('repeated-'));
    expect(repeats.map((f) => f.ruleId)).toEqual(Array(7).fill('repeated-sentence'));
  });
});

describe('paragraph deletion', () => {
  const del = (text: string, para: string, nth = 1): string => {
    let start = -1;
    for (let i = 0; i < nth; i++) start = text.indexOf(para, start + 1);
    const range = paragraphDeletionRange(text, [start, start + para.length]);
    if (!range) return '<unsafe>';
    return text.slice(0, range[0]) + text.slice(range[1]);
  };

  it('removes the paragraph and one separating blank line', () => {
    expect(del('A\n\nB\n\nC\n', 'B')).toBe('A\n\nC\n');
    expect(del('A\n\nB\n', 'B')).toBe('A\n');
    expect(del('A\r\n\r\nB\r\n\r\nC', 'B')).toBe('A\r\n\r\nC');
    expect(del('A\nB\nC', 'B')).toBe('A\nC');
    expect(del('B\n\nC\n', 'B')).toBe('C\n');
    expect(del('\uFEFFB\n\nC', 'B')).toBe('\uFEFFC');
  });

  it('refuses when the paragraph shares its line with other markup', () => {
    expect(del('- B\n- C\n', 'B')).toBe('<unsafe>');
    expect(del('> B\n', 'B')).toBe('<unsafe>');
  });
});
