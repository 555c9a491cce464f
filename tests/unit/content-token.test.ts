// Blocks moved by an edit before them are copies with the same content: they
// share a content token, so per-block results (repeat summaries, claim
// analyses) carry over instead of being computed again, and what they give
// at the new place is what a fresh parse gives.
import { describe, expect, it } from 'vitest';
import { contentToken } from '../../server/src/engine/document/content';
import { isProse, type ProseBlock } from '../../server/src/engine/document/model';
import { parseDocument } from '../../server/src/engine/document/parse';
import { summarizeParagraphs } from '../../server/src/engine/repeats/summary';
import { doc } from './helpers';

const PARAGRAPHS = [
  'Experts say the *new* policy will [cut costs](https://example.org/a) by 40 percent over the next decade for most households.',
  'The agency reported that `enrolment` rose sharply in 2023, and officials expect the trend to continue through the coming year.',
  '- A list item that repeats the same long sentence about budgets and spending across several federal agencies.',
];

/** Sixty numbered paragraphs (about 7 KB). */
const DRAFT = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${PARAGRAPHS[i % PARAGRAPHS.length]!}`.replace(/^\d+\. - /, '- '));

const prose = (text: string): ProseBlock[] => parseDocument(doc('draft.md', text)).prose.filter((b) => isProse(b));

describe('content tokens', () => {
  it('are shared by a block and its copy moved by an edit before it, and differ between blocks', () => {
    // Long enough for several parse runs: the runs after the edited one are moved, not parsed again.
    const text = DRAFT.join('\n\n');
    const lead = 'Inserted words here.\n\n';
    const before = prose(text);
    const after = prose(`${lead}${text}`);
    expect(after.length).toBe(before.length + 1);
    const tail = before.length - 10;
    for (let i = tail; i < before.length; i++) {
      expect(after[i + 1]!.range[0]).toBe(before[i]!.range[0] + lead.length);
      expect(after[i + 1]!).not.toBe(before[i]!);
      expect(contentToken(after[i + 1]!)).toBe(contentToken(before[i]!));
    }
    expect(contentToken(after[0]!)).not.toBe(contentToken(before[0]!));
    expect(contentToken(before[0]!)).not.toBe(contentToken(before[1]!));
  });

  it('give moved paragraphs the summaries of a fresh parse', () => {
    const text = DRAFT.join('\n\n');
    const edits = ['', 'A new first paragraph.\n\n', 'X', 'Inserted words here.\n\n'];
    for (const lead of edits) {
      const cached = summarizeParagraphs(parseDocument(doc('draft.md', `${lead}${text}`)));
      // Copies of the blocks have no token yet: their summaries are computed afresh.
      const parsed = parseDocument(doc('other.md', `${lead}${text}`));
      const fresh = summarizeParagraphs({ ...parsed, prose: parsed.prose.map((b) => ({ ...b })) });
      expect(cached).toEqual(fresh);
    }
  });
});
