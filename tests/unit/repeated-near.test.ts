import { describe, expect, it } from 'vitest';
import { lintDocuments, resolveConfig, type Finding } from '../../server/src/engine/index';
import { doc, fixture } from './helpers';

// Realistic policy paragraphs; B is on the same topic as A with different claims.
const A =
  'The Energy Star program, established in 1992, is a voluntary labeling program that identifies energy-efficient products. ' +
  'The Environmental Protection Agency administers the program jointly with the Department of Energy. ' +
  'Participating manufacturers may display the label on products that meet efficiency criteria set by the agencies.';
const B =
  'Critics of the Energy Star program have questioned whether its labeling criteria keep pace with technology. ' +
  'Several audits found that some labeled products did not meet the criteria, and the agencies revised their testing procedures in 2011.';
const C =
  'Congress has considered legislation to codify the program and to clarify the division of responsibilities between the two agencies, ' +
  'but none of these proposals has been enacted.';

function found(texts: Record<string, string>, rule = 'repeated-paragraph'): [string, string, Finding][] {
  const docs = Object.entries(texts).map(([uri, text]) => doc(uri, text));
  return lintDocuments(docs).flatMap((result) => {
    const text = texts[result.uri]!;
    return result.findings.filter((f) => f.ruleId === rule).map((f): [string, string, Finding] => [result.uri, text.slice(...f.range), f]);
  });
}

describe('near copies', () => {
  it('finds a copy with one to three words changed', () => {
    const edits = [
      A.replace('voluntary', 'optional'),
      A.replace('voluntary', 'optional').replace('jointly', 'together'),
      A.replace('voluntary', 'optional').replace('jointly', 'together').replace('display', 'show'),
    ];
    for (const edited of edits) {
      const result = found({ 'a.md': `${A}\n\n${B}\n\n${edited}\n` });
      expect(result).toHaveLength(1);
      expect(result[0]![1]).toBe(edited);
      expect(result[0]![2].message).toMatch(/^This paragraph is 9\d% similar to the paragraph on line 1\.$/);
      expect(result[0]![2].tags).toBeUndefined();
      expect((result[0]![2].fixes ?? []).some((f) => f.safe)).toBe(false);
    }
  });

  it('finds a copy with a sentence added or removed', () => {
    const added = `${A} The label is recognized by most American consumers, according to EPA surveys.`;
    const [extended] = found({ 'a.md': `${A}\n\n${C}\n\n${added}\n` });
    expect(extended![2].message).toMatch(/is \d+% similar to the paragraph on line 1|contains the paragraph on line 1/);
    const removed = A.slice(0, A.lastIndexOf(' Participating'));
    const [shortened] = found({ 'a.md': `${A}\n\n${C}\n\n${removed}\n` });
    expect(shortened![1]).toBe(removed);
    expect(shortened![2].message).toMatch(/similar to|contained in/);
  });

  it('reports a copy that is pasted and then much extended as containing the earlier paragraph', () => {
    const extended = `${A} ${C} ${B}`;
    const [finding] = found({ 'a.md': `${A}\n\n${extended}\n` });
    expect(finding![2].message).toBe('This paragraph contains the paragraph on line 1 (100% of its words) and extends it.');
  });

  it('calls a copy with only punctuation and case changed 100% similar', () => {
    const restyled = A.replace(/,/g, ';').replace('Energy Star', 'ENERGY STAR').replace(/\.$/, '!');
    const [finding] = found({ 'a.md': `${A}\n\n${restyled}\n` });
    expect(finding![2].message).toBe('This paragraph is 100% similar to the paragraph on line 1.');
  });

  it('finds both halves of a paragraph split in two', () => {
    const cut = A.indexOf(' The Environmental');
    const first = A.slice(0, cut);
    const second = A.slice(cut + 1);
    const result = found({ 'a.md': `${A}\n\n${C}\n\n${first}\n\n${second}\n` });
    expect(result.map((r) => r[1])).toEqual([first, second]);
    expect(result.every((r) => /contained in the paragraph on line 1/.test(r[2].message))).toBe(true);
  });

  it('finds a near copy pasted into another file, reporting the file later in path order', () => {
    const edited = A.replace('voluntary', 'optional');
    const result = found({ 'file:///w/brief.md': `${A}\n`, 'file:///w/annex.md': `${C}\n\n${edited}\n` });
    // annex.md sorts before brief.md, so the copy in brief.md is the later one.
    expect(result.map((r) => [r[0], r[1]])).toEqual([['file:///w/brief.md', A]]);
    expect(result[0]![2].message).toMatch(/similar to the paragraph on line 3 of annex\.md\.$/);
    expect(result[0]![2].related).toEqual([{ uri: 'file:///w/annex.md', range: [C.length + 2, C.length + 2 + edited.length], message: 'Earlier, similar paragraph' }]);
  });

  it('does not report different paragraphs on the same topic', () => {
    expect(found({ 'a.md': `${A}\n\n${B}\n\n${C}\n` })).toEqual([]);
  });

  it('honours the similarity threshold and the boilerplate allow-list', () => {
    const edited = A.replace('voluntary', 'optional').replace('jointly', 'together').replace('display', 'show');
    const strict = resolveConfig({ repeated: { similarity: 0.99 } }).config;
    expect(lintDocuments([doc('a.md', `${A}\n\n${edited}\n`)], strict)[0]!.findings.filter((f) => f.ruleId === 'repeated-paragraph')).toEqual([]);
    const allow = resolveConfig({ repeated: { allow: [A.toUpperCase()] } }).config;
    expect(lintDocuments([doc('a.md', `${A}\n\n${A}\n`)], allow)[0]!.findings).toEqual([]);
  });
});

describe('repeated-sentence', () => {
  const sentence = 'The Environmental Protection Agency administers the program jointly with the Department of Energy.';

  it('reports a long sentence repeated in a paragraph that is not itself a repeat', () => {
    const later = `${C} ${sentence}`;
    const result = found({ 'a.md': `${A}\n\n${later}\n` }, 'repeated-sentence');
    expect(result.map((r) => r[1])).toEqual([sentence]);
    expect(result[0]![2].severity).toBe('info');
    expect(result[0]![2].message).toBe('This sentence repeats a sentence on line 1.');
  });

  it('stays quiet for short sentences and for paragraphs already reported', () => {
    expect(found({ 'a.md': 'It was agreed. The talks went on.\n\nIt was agreed. Nothing else happened here.\n' }, 'repeated-sentence')).toEqual([]);
    expect(found({ 'seed.txt': fixture('seed-article.txt') }, 'repeated-sentence')).toEqual([]);
  });
});

describe('many copies', () => {
  it('lists at most 20 earlier copies and counts the rest', () => {
    const text = Array(30).fill(A).join('\n\n');
    const found = found30(text);
    expect(found).toHaveLength(29);
    const last = found[28]!;
    expect(last.related).toHaveLength(20);
    expect(last.message).toBe('This paragraph repeats the paragraph on line 1 (identical). 28 more earlier copies (the first 19 listed).');
    expect(found[2]!.message).toBe('This paragraph repeats the paragraph on line 1 (identical). 2 more earlier copies listed.');
  });
});

function found30(text: string): Finding[] {
  return lintDocuments([doc('a.md', text)])[0]!.findings.filter((f) => f.ruleId === 'repeated-paragraph');
}
