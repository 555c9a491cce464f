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
    // Another document's copy of the same prose: equal, not the same string.
    const second = store.use('rule', 'The the paragraph.'.split(' ').join(' '), compute);
    expect(second.result).toBe(first.result);
    expect(computed).toBe(1);
    store.release([first]);
    expect(store.size).toBe(1);
    store.release([second]);
    expect(store.size).toBe(0);
    store.use('rule', 'The the paragraph.', compute);
    expect(computed).toBe(2);
  });

  it('keeps results of different rules or settings apart', () => {
    const store = new BlockResultStore();
    const a = store.use('a', 'Same text.', () => [finding('a')]);
    const b = store.use('b', 'Same text.', () => [finding('b')]);
    expect(a.result[0]!.message).toBe('a');
    expect(b.result[0]!.message).toBe('b');
    store.release([a, b]);
    expect(store.size).toBe(0);
  });

  it('ignores a use given back twice once its result is gone, and keeps the newer result of the same block', () => {
    const store = new BlockResultStore();
    const old = store.use('a', 'Text.', () => [finding('old')]);
    store.release([old]);
    const renewed = store.use('a', 'Text.', () => [finding('new')]);
    store.release([old]);
    expect(store.size).toBe(1);
    expect(store.use('a', 'Text.', () => []).result).toBe(renewed.result);
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
