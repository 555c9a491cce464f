import { describe, expect, it } from 'vitest';
import { applySafeFixes, lintDocuments } from '../../server/src/engine/index';
import { doc, fixture } from './helpers';
import { NAME_RULES } from './names-helpers';

describe('name rules on the founding draft', () => {
  const text = fixture('seed-article.txt');
  const lines = text.split('\n');
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
  const findings = lintDocuments([doc('seed.txt', text)])[0]!.findings.filter((f) => (NAME_RULES as readonly string[]).includes(f.ruleId));

  it('reports exactly one entity written two ways: "U.S." on line 1 against "US" on lines 2 and 4', () => {
    expect(findings.map((f) => [f.ruleId, text.slice(...f.range), lineOf(f.range[0])])).toEqual([['inconsistent-name', 'U.S.', 1]]);
    const [finding] = findings;
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toBe('"U.S." is also written "US" (2×) in this document; use one form ("US").');
    expect(finding!.related!.map((r) => [text.slice(...r.range), lineOf(r.range[0])])).toEqual([
      ['US', 2],
      ['US', 4],
    ]);
  });

  it('does not take "United States" for a form of "US" and leaves NATO, names and spellings alone', () => {
    const message = findings.map((f) => f.message).join(' ');
    expect(message).not.toContain('United States');
    expect(lines[1]).toContain('United States');
  });

  it('offers a safe "Change to" fix that writes the preferred form', () => {
    const fix = findings[0]!.fixes![0]!;
    expect(fix).toMatchObject({ title: 'Change to "US"', safe: true });
    const { text: fixed, fixed: count } = applySafeFixes(text, findings);
    expect(count).toBe(1);
    expect(fixed.split('\n')[0]).toContain('The US does not currently have plans');
    expect(fixed.length).toBe(text.length - 2);
  });
});
