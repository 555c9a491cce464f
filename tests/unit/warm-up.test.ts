/**
 * The language server's warm-up of the edit path (server/src/lsp/warmUp.ts):
 * when it runs (once, after a quiet spell), that real work stops it, what
 * text it edits, and that it changes no result of the real document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Linter, type SourceDocument } from '../../server/src/engine';
import { EditWarmUp, replayEdits, warmUpText, type WarmUpEvent } from '../../server/src/lsp/warmUp';

const SEED = readFileSync(join(__dirname, '../fixtures/seed-article.txt'), 'utf8');

/** A Markdown draft of a few kinds of block: the seed article's paragraphs, a list, a heading, a link. */
const DRAFT = [
  '# Briefing',
  ...SEED.split(/\n\s*\n/).map((paragraph) => paragraph.trim()),
  '- The U.S. Department of Defense (DOD) said so.\n- Experts say the DOD is right.',
  'See [the plan](https://example.gov/plan) for 40% of the costs.',
].join('\n\n');

describe('warmUpText', () => {
  it('turns the text at the first paragraph break past its middle, keeping every paragraph', () => {
    const text = 'one\n\ntwo\n\nthree\n\nfour\n';
    expect(warmUpText(text, 1_000)).toBe('four\n\n\none\n\ntwo\n\nthree\n');
    expect(warmUpText(DRAFT, 1_000_000).split(/\n+/).filter(Boolean).sort()).toEqual(DRAFT.split(/\n+/).sort());
  });

  it('shares neither end with the draft, so the engine keeps the draft\'s own parse beside the copy\'s', () => {
    const copy = warmUpText(DRAFT, 1_000_000);
    expect(copy.slice(0, 20)).not.toBe(DRAFT.slice(0, 20));
    expect(copy.slice(-20)).not.toBe(DRAFT.slice(-20));
  });

  it('cuts a long text at a paragraph break within the limit, and leaves a text without breaks as it is', () => {
    const long = Array.from({ length: 100 }, (_, i) => `Paragraph ${i} of the draft.`).join('\n\n');
    const cut = warmUpText(long, 500);
    expect(cut.length).toBeLessThanOrEqual(500);
    expect(cut.endsWith('draft.\n')).toBe(true);
    expect(warmUpText('One paragraph only.', 1_000)).toBe('One paragraph only.');
  });
});

describe('replayEdits', () => {
  it('inserts a letter, then removes it, linting each version', () => {
    const replay = replayEdits({ uri: 'file:///draft.md', languageId: 'markdown', text: DRAFT }, 1_000_000);
    const copy = warmUpText(DRAFT, 1_000_000);
    for (let pair = 0; pair < 5; pair++) {
      const edited = replay().getText();
      expect(edited.length).toBe(copy.length + 1);
      expect(replay().getText()).toBe(copy);
    }
  });

  it('changes no result of the real document: an edit linted after a warm-up gives what a fresh linter gives', () => {
    const draft: SourceDocument = { uri: 'file:///draft.md', languageId: 'markdown', text: DRAFT };
    const linter = new Linter();
    linter.lint([draft]);
    const replay = replayEdits(draft, 1_000_000);
    for (let i = 0; i < 20; i++) replay();
    const at = DRAFT.indexOf('hesitancy');
    const edited: SourceDocument = { ...draft, text: `${DRAFT.slice(0, at)}x${DRAFT.slice(at)}` };
    const [after] = linter.lint([edited]);
    const [fresh] = new Linter().lint([edited]);
    expect(after!.findings.length).toBeGreaterThan(0);
    expect(after).toEqual(fresh);
  });
});

describe('EditWarmUp', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A warm-up whose turns of the event loop are run by the test, one at a time. */
  function warmUp(lints = 6) {
    const turns: (() => void)[] = [];
    const events: WarmUpEvent[] = [];
    const sources: number[] = [];
    const warm = new EditWarmUp({ quietMs: 500, lints, maxChars: 1_000_000, later: (step) => turns.push(step), onDone: (event) => events.push(event) });
    const source = () => {
      sources.push(1);
      return { uri: 'file:///draft.md', languageId: 'markdown' as const, text: DRAFT };
    };
    const turn = (): boolean => {
      const step = turns.shift();
      step?.();
      return step !== undefined;
    };
    return { warm, source, turn, events, sources };
  }

  it('starts once the server has been quiet after a lint, runs its lints a turn each, and never again', () => {
    const { warm, source, turn, events, sources } = warmUp();
    warm.workDone(source);
    vi.advanceTimersByTime(499);
    expect(sources).toEqual([]);
    warm.workDone(source);
    vi.advanceTimersByTime(499);
    // Each lint restarts the quiet spell.
    expect(sources).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sources).toEqual([1]);
    let turns = 0;
    while (turn()) turns++;
    expect(turns).toBe(7);
    expect(events).toEqual([expect.objectContaining({ lints: 6, stopped: false })]);
    warm.workDone(source);
    vi.advanceTimersByTime(10_000);
    expect(turn()).toBe(false);
    expect(sources).toEqual([1]);
  });

  it('stops for good at the first real work', () => {
    const { warm, source, turn, events } = warmUp();
    warm.workDone(source);
    vi.advanceTimersByTime(500);
    turn();
    turn();
    warm.interrupt();
    while (turn());
    expect(events).toEqual([expect.objectContaining({ lints: 2, stopped: true })]);
    warm.workDone(source);
    vi.advanceTimersByTime(10_000);
    expect(turn()).toBe(false);
  });

  it('waits while documents change, and does nothing once disposed', () => {
    const { warm, source, turn, sources } = warmUp();
    warm.workDone(source);
    vi.advanceTimersByTime(400);
    warm.interrupt();
    vi.advanceTimersByTime(1_000);
    expect(sources).toEqual([]);
    warm.workDone(source);
    warm.dispose();
    vi.advanceTimersByTime(1_000);
    expect(sources).toEqual([]);
    expect(turn()).toBe(false);
  });

  it('waits for an open document: a workspace scan alone warms nothing up', () => {
    const { warm, source, turn, sources } = warmUp();
    warm.workDone(() => undefined);
    vi.advanceTimersByTime(1_000);
    expect(turn()).toBe(false);
    warm.workDone(source);
    vi.advanceTimersByTime(500);
    expect(sources).toEqual([1]);
    expect(turn()).toBe(true);
  });
});
