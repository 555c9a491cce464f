// Property-based tests over hostile text: whatever a document holds, the
// engine must not throw, must return ranges that are inside the text and on
// code-point boundaries, must be deterministic, and its fixes must apply
// cleanly and converge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, applySafeFixes, lintDocuments, type DocumentLanguage, type OffsetRange } from '../../server/src/engine/index';
import { mayRepeatWord } from '../../server/src/engine/rules/repeated-word';

const FRAGMENTS = [
  'the', 'the the', 'U.S.', 'US', 'NATO', 'Nato', 'experts say', '70%', '$3 billion', 'according to the GAO',
  ' ', ' ', '\n', '\n\n', '\r\n', '\r', '\t', '.', '. ', '? ', '"', '“', '”', '—', '-',
  '# ', '## ', '- ', '1. ', '> ', '```', '~~~', '    ', '|', '| a | b |\n|---|---|\n', '[x](http://e.x)', '[^1]', '[^1]: note',
  '<!-- policylint-disable -->', '<!-- policylint-enable -->', '<!-- policylint-disable-next-line repeated-word -->', '<!--', '-->', '---\n',
  '🎉', 'e\u0301', 'שלום', '\u200b', '\u0000', '\ud800', '\udc00', '\ufeff', 'https://example.com/a_b', '`code`', '**', '_',
  'This paragraph is long enough to be compared with another paragraph in the set.',
];

const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }), { maxLength: 60 })
  .map((parts) => parts.join(''));
const language = fc.constantFrom<DocumentLanguage>('markdown', 'plaintext');

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

function checkRange(source: string, [start, end]: OffsetRange): void {
  expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
  expect(0 <= start && start <= end && end <= source.length).toBe(true);
  for (const at of [start, end]) {
    // Never between the two halves of a surrogate pair.
    expect(at > 0 && at < source.length && isHigh(source.charCodeAt(at - 1)) && isLow(source.charCodeAt(at))).toBe(false);
  }
}

function fixUntilStable(source: string, languageId: DocumentLanguage): { text: string; passes: number } {
  let current = source;
  for (let pass = 1; pass <= 10; pass++) {
    const [result] = lintDocuments([{ uri: 'a', languageId, text: current }]);
    const next = applySafeFixes(current, result!.findings, 'a').text;
    if (next === current) return { text: current, passes: pass };
    current = next;
  }
  return { text: current, passes: 11 };
}

const RUNS = { numRuns: 100, seed: 20261128 };

describe('engine properties', () => {
  it('never throws and returns valid ranges everywhere', () => {
    fc.assert(
      fc.property(text, text, language, (a, b, languageId) => {
        const results = lintDocuments([
          { uri: 'a', languageId, text: a },
          { uri: 'b', languageId, text: b },
        ]);
        const texts: Record<string, string> = { a, b };
        for (const result of results) {
          for (const finding of result.findings) {
            checkRange(texts[result.uri]!, finding.range);
            for (const related of finding.related ?? []) checkRange(texts[related.uri]!, related.range);
            for (const fix of finding.fixes ?? []) for (const edit of fix.edits) checkRange(texts[edit.uri ?? result.uri]!, edit.range);
            expect(finding.message.length).toBeGreaterThan(0);
          }
        }
      }),
      RUNS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(text, language, (a, languageId) => {
        const doc = { uri: 'a', languageId, text: a };
        expect(lintDocuments([doc])).toEqual(lintDocuments([doc]));
      }),
      RUNS,
    );
  });

  it('applies every fix cleanly, changing text only inside its edits', () => {
    fc.assert(
      fc.property(text, language, (a, languageId) => {
        const [result] = lintDocuments([{ uri: 'a', languageId, text: a }]);
        for (const finding of result!.findings) {
          for (const fix of finding.fixes ?? []) {
            const own = fix.edits.filter((edit) => (edit.uri ?? 'a') === 'a');
            const fixed = applyEdits(a, own);
            const first = Math.min(...own.map((e) => e.range[0]));
            const last = Math.max(...own.map((e) => e.range[1]));
            expect(fixed.startsWith(a.slice(0, first))).toBe(true);
            expect(fixed.endsWith(a.slice(last))).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('converges when safe fixes are applied until stable, and a further pass changes nothing', () => {
    fc.assert(
      fc.property(text, language, (a, languageId) => {
        const once = fixUntilStable(a, languageId);
        expect(once.passes).toBeLessThanOrEqual(10);
        expect(fixUntilStable(once.text, languageId).text).toBe(once.text);
      }),
      RUNS,
    );
  });
});

describe('repeated-word pre-scan', () => {
  // The tokenising definition the scan replaced: two equal (lower-cased) words with only whitespace between.
  const reference = (source: string): boolean => {
    const words = source.match(/[\p{L}\p{N}]+|[^\p{L}\p{N}\s]+/gu) ?? [];
    return words.some((word, i) => i > 0 && word.toLowerCase() === words[i - 1]!.toLowerCase() && /[\p{L}\p{N}]/u.test(word));
  };
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('the', 'The', 'THE', 'a', 'A', '1', '1a', 'K', '\u212a', 'k', 'ß', 'SS', 'ss', 'Σ', 'σ', 'ς', 'İ', 'i', 'é', 'e\u0301', '𐐀', '𐐨', 'x😀', '\ud800', ' ', '  ', '\n', '\u00a0', '\u2028', '\ufeff', '-', '.', ',', '\u200b') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  );
  it('answers as tokenising and lower-casing every word would', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const source = parts.join('');
        expect(mayRepeatWord(source)).toBe(reference(source));
      }),
      { numRuns: 5000, seed: 8 },
    );
  });
});
