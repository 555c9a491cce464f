// The founding draft (tests/fixtures/seed-article.txt) pins the exact claim
// findings: the causal sentence in both copies and the "more practical
// route" verdict in both copies; nothing on the attributed sentences.
import { describe, expect, it } from 'vitest';
import { CITATION_PLACEHOLDER } from '../../server/src/engine/claims/findings';
import { applyEdits } from '../../server/src/engine/index';
import { claimFindings } from './claims-helpers';
import { fixture } from './helpers';

const text = fixture('seed-article.txt');
const lines = text.split('\n');
const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;

const CAUSAL =
  "Concerns about drawing the United States and other NATO members into a direct conflict with Russia and skepticism regarding the legitimacy of NATO's Article 5 assurances for Ukraine are the main reasons for the hesitancy to offer membership.";
const ROUTE = "which would offer a more practical route to stability without NATO's direct intervention.";

describe('claim rules on the founding draft', () => {
  const findings = claimFindings(text, 'seed.txt');

  it('finds exactly the causal claim and the route verdict, in both copies', () => {
    expect(findings.map((f) => [f.ruleId, lineOf(f.range[0]), text.slice(f.range[0], f.range[1])])).toEqual([
      ['unattributed-claim', 2, CAUSAL],
      ['unattributed-claim', 3, ROUTE],
      ['unattributed-claim', 4, CAUSAL],
      ['unattributed-claim', 5, ROUTE],
    ]);
    expect(findings.every((f) => f.severity === 'info')).toBe(true);
  });

  it('says what is missing and why', () => {
    expect(findings[0]!.message).toBe(
      'Causal claim ("are the main reasons for") is stated as fact with no source: cite it or say who makes it.',
    );
    expect(findings[1]!.message).toBe(
      'Prediction ("would offer a more practical route") is stated as fact with no source: cite it or say who predicts it.',
    );
  });

  it('leaves the Waltz, Hegseth, Zelenskyy and "Russia claims" sentences alone', () => {
    const attributed = [
      'according to recent remarks made by American National Security Advisor Mike Waltz',
      'Waltz underlined',
      'US Defense Secretary Pete Hegseth',
      'Zelenskyy has emphasized',
      'Russia claims that',
      'further complicates the situation',
    ];
    for (const phrase of attributed) {
      const at = text.indexOf(phrase);
      expect(at).toBeGreaterThanOrEqual(0);
      const sentenceStart = text.lastIndexOf('. ', at) + 2;
      const sentenceEnd = text.indexOf('.', at + phrase.length);
      expect(findings.filter((f) => f.range[0] < sentenceEnd && f.range[1] > sentenceStart)).toEqual([]);
    }
  });

  it('offers a citation placeholder (never safe) that silences the finding', () => {
    const first = findings[0]!;
    const fix = first.fixes!.find((f) => f.title === 'Insert citation placeholder')!;
    expect(fix.safe).toBe(false);
    expect(fix.edits).toHaveLength(1);
    const [edit] = fix.edits;
    expect(edit!.range[0]).toBe(edit!.range[1]);
    expect(edit!.newText).toBe(CITATION_PLACEHOLDER);
    const fixed = applyEdits(text, fix.edits);
    expect(fixed.split('\n')[1]).toContain('to offer membership. [citation needed] Despite these obstacles');
    expect(lines[1]).not.toContain('[citation needed]');
    const after = claimFindings(fixed, 'seed.txt');
    expect(after).toHaveLength(3);
    expect(after.some((f) => lineOf(f.range[0]) === 2 && f.ruleId === 'unattributed-claim')).toBe(false);
  });
});
