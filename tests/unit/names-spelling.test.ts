import { describe, expect, it } from 'vitest';
import { applySafeFixes } from '../../server/src/engine/index';
import { doc } from './helpers';
import { covered, findingsOf } from './names-helpers';

const spelling = (text: string, uri = 'a.md') => findingsOf('inconsistent-spelling', [doc(uri, text)]).get(uri)!;

describe('inconsistent-spelling', () => {
  it('reports a British spelling in an American text, across inflections', () => {
    const text = 'Defense spending rose. The defense budget and defenses grew. Allied defence ministers met.';
    const found = spelling(text);
    expect(covered(text, found)).toEqual(['defence']);
    expect(found[0]!.message).toContain('"defence" is the British spelling');
    expect(applySafeFixes(text, found).text).toContain('Allied defense ministers');
  });

  it('reports organisation/organization and keeps capitals in the fix', () => {
    const text = 'The organization grew. Other organizations joined. Organisations in Europe objected.';
    const found = spelling(text);
    expect(covered(text, found)).toEqual(['Organisations']);
    expect(applySafeFixes(text, found).text).toContain('Organizations in Europe objected.');
  });

  it('reports hyphenation variants: closed, hyphenated and two-word forms', () => {
    const text = 'The ceasefire held. A second ceasefire followed. The cease-fire broke. Troops will cease fire at dawn.';
    const found = spelling(text);
    expect(covered(text, found)).toEqual(['cease-fire', 'cease fire']);
    expect(found[0]!.fixes![0]).toMatchObject({ title: 'Change to "ceasefire"', safe: true });
  });

  it('discovers hyphenated compounds outside the table when the closed form is written too', () => {
    const text = 'Cybersecurity matters. The cybersecurity office and its cybersecurity staff met. A cyber-security review followed.';
    expect(covered(text, spelling(text))).toEqual(['cyber-security']);
  });

  it('reports policymaker/policy-maker and lexical variants (adviser/advisor)', () => {
    const text = 'Policymakers agreed. The policymaker spoke. A policy-maker dissented. The adviser and the adviser met the advisor.';
    expect(covered(text, spelling(text))).toEqual(['policy-maker', 'advisor']);
  });

  it('leaves proper names, quotations and words whose hyphen changes the meaning alone', () => {
    const text =
      'The defense ministry met the Ministry of Defence. Defense ties grew. "Our defence is strong," he said. ' +
      'She will resign; the contract must re-sign. They resign often.';
    expect(spelling(text)).toEqual([]);
  });

  it('lets a noun and its hyphenated modifier be ("health care", "health-care policy")', () => {
    expect(spelling('Health care costs rose. Access to health care fell. The health-care policy changed.')).toEqual([]);
  });

  it('compares spellings across the files of the set', () => {
    const found = findingsOf('inconsistent-spelling', [doc('a.md', 'The organization grew. The organization met.'), doc('b.md', 'The organisation shrank.')]);
    expect(found.get('a.md')).toEqual([]);
    expect(covered('The organisation shrank.', found.get('b.md')!)).toEqual(['organisation']);
  });
});
