import { describe, expect, it } from 'vitest';
import { BlockResultStore } from '../../server/src/engine/block-results';
import { Linter } from '../../server/src/engine/index';
import type { Finding } from '../../server/src/engine/types';

const finding = (message: string): Finding => ({ ruleId: 'repeated-word', severity: 'warning', message, range: [0, 1] });

describe('BlockResultStore', () => {
  it('computes a block once while any document uses it, and drops it after the last release', () => {
    const store = new BlockResultStore();
    let computed = 0;
    const compute = (): Finding[] => [finding(`run ${++computed}`)];
    const first = store.use('rule', 'The the paragraph.', compute);
    const second = store.use('rule', 'The the paragraph.', compute);
    expect(second).toBe(first);
    expect(computed).toBe(1);
    store.release(['rule', 'The the paragraph.']);
    expect(store.size).toBe(1);
    store.release(['rule', 'The the paragraph.']);
    expect(store.size).toBe(0);
    store.use('rule', 'The the paragraph.', compute);
    expect(computed).toBe(2);
  });

  it('keeps results of different rules or settings apart', () => {
    const store = new BlockResultStore();
    const a = store.use('a', 'Same text.', () => [finding('a')]);
    const b = store.use('b', 'Same text.', () => [finding('b')]);
    expect(a[0]!.message).toBe('a');
    expect(b[0]!.message).toBe('b');
    store.release(['a', 'Same text.', 'b', 'Same text.']);
    expect(store.size).toBe(0);
  });

  it('ignores releases of what it does not hold', () => {
    const store = new BlockResultStore();
    store.use('a', 'Text.', () => []);
    store.release(['b', 'Text.', 'a', 'Other.']);
    expect(store.size).toBe(1);
  });
});

describe('Linter block results across edits', () => {
  it('gives the same findings after a paragraph moves between documents and back', () => {
    const linter = new Linter();
    const repeated = 'The the committee met on Tuesday.';
    const a = { uri: 'file:///a.md', languageId: 'markdown' as const };
    const b = { uri: 'file:///b.md', languageId: 'markdown' as const };
    const fresh = (docs: { uri: string; languageId: 'markdown'; text: string }[]) => new Linter().lint(docs);
    const steps = [
      [{ ...a, text: `${repeated}\n\nOther words here.\n` }, { ...b, text: 'Nothing to see.\n' }],
      [{ ...a, text: 'Other words here.\n' }, { ...b, text: `Nothing to see.\n\n${repeated}\n` }],
      [{ ...a, text: `${repeated}\n` }, { ...b, text: 'Nothing to see.\n' }],
      [{ ...b, text: 'Nothing to see.\n' }],
    ];
    for (const docs of steps) {
      const results = linter.lint(docs);
      expect(results).toEqual(fresh(docs));
      expect(results.flatMap((r) => r.findings).filter((f) => f.ruleId === 'repeated-word').length).toBe(docs.some((d) => d.text.includes(repeated)) ? 1 : 0);
    }
  });
});
