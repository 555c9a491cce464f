import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../server/src/engine/document/parse';
import { buildIndex } from '../../server/src/engine/names/index';
import { extractMentions, MentionCache } from '../../server/src/engine/names/mentions';
import { doc, fixture } from './helpers';

describe('mention cache', () => {
  const text = 'Zelenskyy spoke.\n\nThe U.S. agreed with NATO.\n\nThe defence budget grew.';

  it('gives the same mentions cached or not', () => {
    const parsed = parseDocument(doc('a.md', text));
    const cache = new MentionCache();
    for (const block of parsed.prose) {
      expect(cache.get(block)).toEqual(extractMentions(block));
      expect(cache.get(block)).toBe(cache.get(block));
    }
  });

  it('re-extracts only the edited paragraph, and keeps only live paragraphs', () => {
    const cache = new MentionCache();
    const before = parseDocument(doc('a.md', text));
    const first = buildIndex([before], cache);
    cache.endRun();
    const after = parseDocument(doc('a.md', text.replace('defence', 'defense')));
    const second = buildIndex([after], cache);
    cache.endRun();
    const mentionOf = (index: typeof first, word: string) => index.documents[0]!.mentions.find((m) => m.mention.text === word)!.mention;
    // Unchanged paragraphs: the very same cached mention objects.
    expect(mentionOf(second, 'Zelenskyy')).toBe(mentionOf(first, 'Zelenskyy'));
    expect(mentionOf(second, 'U.S.')).toBe(mentionOf(first, 'U.S.'));
    expect(mentionOf(second, 'defense').form).toBe('us');
    expect(cache.size).toBe(3);
  });

  it('stays linear on long runs of masked markup and pathological text', () => {
    const long = `${'*'.repeat(20000)} ${'a-'.repeat(20000)}b ${'U.'.repeat(5000)} ${'('.repeat(5000)}`;
    const started = performance.now();
    extractMentions(parseDocument(doc('x.txt', long)).prose[0]!);
    extractMentions(parseDocument(doc('seed.txt', fixture('seed-article.txt'))).prose[0]!);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('steps over astral letters at a paragraph start (a /u regex must not loop on a surrogate pair)', () => {
    const block = parseDocument(doc('x.txt', '\u{10000}---- NATO met.')).prose[0]!;
    expect(extractMentions(block).mentions.map((m) => m.text)).toEqual(['NATO']);
  });
});
