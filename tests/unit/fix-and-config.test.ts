import { describe, expect, it } from 'vitest';
import { applyEdits, applySafeFixes, resolveConfig, ruleSeverity, DEFAULT_CONFIG, Linter, LintCancelledError } from '../../server/src/engine/index';
import type { Finding } from '../../server/src/engine/index';
import { doc } from './helpers';

describe('applyEdits', () => {
  it('applies edits in any order', () => {
    expect(applyEdits('abcdef', [{ range: [4, 5], newText: 'E' }, { range: [0, 1], newText: 'AA' }])).toBe('AAbcdEf');
  });

  it('refuses overlapping or out-of-range edits instead of corrupting text', () => {
    expect(() => applyEdits('abc', [{ range: [0, 2], newText: '' }, { range: [1, 3], newText: '' }])).toThrow(RangeError);
    expect(() => applyEdits('abc', [{ range: [2, 9], newText: '' }])).toThrow(RangeError);
  });
});

describe('applySafeFixes', () => {
  const finding = (range: [number, number], safe = true, uri?: string): Finding => ({
    ruleId: 'x',
    severity: 'warning',
    message: 'm',
    range,
    fixes: [{ title: 't', safe, edits: [{ range, newText: '', ...(uri ? { uri } : {}) }] }],
  });

  it('skips unsafe fixes, overlapping fixes and fixes for other documents', () => {
    const result = applySafeFixes('abcdef', [finding([0, 1]), finding([0, 2]), finding([3, 4], false), finding([5, 6], true, 'other')], 'this');
    expect(result).toEqual({ text: 'bcdef', fixed: 1 });
  });
});

describe('configuration', () => {
  it('uses rule defaults and validated overrides', () => {
    expect(ruleSeverity(DEFAULT_CONFIG, 'repeated-paragraph')).toBe('warning');
    const { config, problems } = resolveConfig({
      rules: { 'repeated-word': 'error', 'no-such-rule': 'off', 'repeated-paragraph': 'loud' },
      repeated: { minWords: -1 },
    });
    expect(ruleSeverity(config, 'repeated-word')).toBe('error');
    expect(ruleSeverity(config, 'repeated-paragraph')).toBe('warning');
    expect(config.repeated.minWords).toBe(8);
    expect(problems.map((p) => [p.path, p.severity])).toEqual([
      ['rules.no-such-rule', 'warning'],
      ['rules.repeated-paragraph', 'error'],
      ['repeated.minWords', 'error'],
    ]);
  });

  it('merges sections key by key over a base and warns about unknown keys', () => {
    const { config: base } = resolveConfig({ repeated: { similarity: 0.9 }, names: { preferred: ['Zelenskyy'] } });
    const { config, problems } = resolveConfig({ repeated: { allow: ['Disclaimer.'], colour: 1 }, colour: 'red' }, base);
    expect(config.repeated).toEqual({ minWords: 8, similarity: 0.9, allow: ['Disclaimer.'] });
    expect(config.names.preferred).toEqual(['Zelenskyy']);
    expect(problems.map((p) => [p.path, p.severity])).toEqual([
      ['repeated.colour', 'warning'],
      ['colour', 'warning'],
    ]);
    expect(DEFAULT_CONFIG.repeated.similarity).toBe(0.8);
  });

  it('treats inherited member names as unknown keys', () => {
    const { config, problems } = resolveConfig(JSON.parse('{"repeated": {"constructor": 1}, "__proto__": {"x": 1}, "toString": 2}'));
    expect(problems.map((p) => [p.path, p.severity])).toEqual([
      ['repeated.constructor', 'warning'],
      ['__proto__', 'warning'],
      ['toString', 'warning'],
    ]);
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
  });

  it('never throws on input of the wrong shape', () => {
    expect(resolveConfig('nonsense' as never).problems).toHaveLength(1);
    expect(resolveConfig({ rules: [] as never }).problems[0]!.path).toBe('rules');
  });
});

describe('Linter', () => {
  it('gives the same findings from cache as from a fresh run', () => {
    const linter = new Linter();
    const a = doc('a.md', 'A the the b.\n\nSecond paragraph here.\n');
    const first = linter.lint([a]);
    expect(linter.lint([a])).toEqual(first);
    const edited = doc('a.md', 'Inserted.\n\nA the the b.\n\nSecond paragraph here.\n');
    const [result] = linter.lint([edited]);
    expect(result!.findings.map((f) => edited.text.slice(...f.range))).toEqual(['the the']);
  });

  it('stops when cancelled', () => {
    expect(() => new Linter().lint([doc('a.md', 'text')], DEFAULT_CONFIG, { isCancellationRequested: true })).toThrow(LintCancelledError);
  });
});
