import { describe, expect, it } from 'vitest';
import { applySafeFixes, lintDocuments } from '../../server/src/engine/index';
import { mayRepeatWord } from '../../server/src/engine/rules/repeated-word';
import { doc, fixture } from './helpers';

function words(text: string, uri = 'a.md') {
  return lintDocuments([doc(uri, text)])[0]!.findings.filter((f) => f.ruleId === 'repeated-word');
}

describe('repeated-word', () => {
  it('finds "the the" with an exact range and a safe fix that keeps the first word', () => {
    const text = 'We met with the the minister.\n';
    const [finding] = words(text);
    expect(text.slice(...finding!.range)).toBe('the the');
    expect(finding!.message).toBe('"the" is repeated; remove one occurrence.');
    expect(applySafeFixes(text, [finding!]).text).toBe('We met with the minister.\n');
  });

  it('keeps sentence capitalisation and works across a line break', () => {
    const text = 'The\nthe talks resumed.';
    const [finding] = words(text, 'a.txt');
    expect(applySafeFixes(text, [finding!]).text).toBe('The talks resumed.');
  });

  it('leaves legitimate doubles and markup-separated words alone', () => {
    expect(words('They had had enough. Duran Duran played. He said that that was fine.')).toEqual([]);
    expect(words('Use `the` the right way.')).toEqual([]);
    expect(words('# The the heading\n')).toHaveLength(1);
  });

  it('finds nothing in the founding draft', () => {
    expect(words(fixture('seed-article.txt'), 'seed.txt')).toEqual([]);
  });

  it('pre-filters blocks cheaply', () => {
    expect(mayRepeatWord('no repeats in here at all')).toBe(false);
    expect(mayRepeatWord('a repeat repeat here')).toBe(true);
    expect(mayRepeatWord('a repeat, repeat here')).toBe(false);
  });
});
