import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../server/src/engine/document/parse';
import { OBJECT_MASK } from '../../server/src/engine/document/model';
import { splitSentences } from '../../server/src/engine/document/sentences';
import { computeLineStarts, lineNumberAt } from '../../server/src/engine/document/lines';
import { doc, fixture } from './helpers';

const slices = (text: string, ranges: readonly (readonly [number, number])[]): string[] =>
  ranges.map(([s, e]) => text.slice(s, e));

describe('plain text', () => {
  it('reads the founding draft as five paragraphs, one per line', () => {
    const text = fixture('seed-article.txt');
    const parsed = parseDocument(doc('seed.txt', text));
    expect(parsed.prose).toHaveLength(5);
    const lines = text.split('\n');
    expect(slices(text, parsed.prose.map((b) => b.range))).toEqual(lines);
  });

  it('joins hard-wrapped lines and splits on blank lines', () => {
    const text = 'First line of a\nwrapped paragraph.\n\n  Second paragraph\nhere.\n';
    const parsed = parseDocument(doc('a.txt', text));
    expect(slices(text, parsed.prose.map((b) => b.range))).toEqual([
      'First line of a\nwrapped paragraph.',
      'Second paragraph\nhere.',
    ]);
  });

  it('keeps a short title line apart from long unwrapped lines', () => {
    const long = 'word '.repeat(40).trim() + '.';
    const text = `Title\n${long}\n${long}`;
    const parsed = parseDocument(doc('a.txt', text));
    expect(parsed.prose.map((b) => text.slice(...b.range))).toEqual(['Title', long, long]);
  });

  it('handles CRLF and CR line breaks with exact offsets', () => {
    const text = 'One paragraph.\r\n\r\nTwo paragraph.\rstill two.';
    const parsed = parseDocument(doc('a.txt', text));
    expect(slices(text, parsed.prose.map((b) => b.range))).toEqual(['One paragraph.', 'Two paragraph.\rstill two.']);
    expect(parsed.lineStarts).toEqual([0, 16, 18, 33]);
  });

  it('masks URLs and treats directive comment lines as markup', () => {
    const text = '<!-- policylint-disable -->\nSee https://example.com/a.b for more.';
    const parsed = parseDocument(doc('a.txt', text));
    expect(parsed.blocks.map((b) => b.kind)).toEqual(['html', 'paragraph']);
    const para = parsed.prose[0]!;
    expect(para.prose).toBe(`See ${OBJECT_MASK.repeat('https://example.com/a.b'.length)} for more.`);
    expect(para.inlines).toEqual([{ kind: 'url', range: [32, 55], url: 'https://example.com/a.b' }]);
    expect(para.sentences).toHaveLength(1);
  });

  it('skips a byte-order mark', () => {
    const text = '\uFEFFHello world.';
    const parsed = parseDocument(doc('a.txt', text));
    expect(parsed.prose[0]!.range).toEqual([1, text.length]);
  });
});

describe('markdown', () => {
  const md = [
    '---',
    'title: A brief',
    '---',
    '',
    '# The *heading*',
    '',
    'A paragraph with **bold**, `code` and a [link](https://example.com "t").',
    '',
    '- an item in a list',
    '',
    '> a quoted',
    '> paragraph',
    '',
    '```js',
    'const x = 1;',
    '```',
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '',
    '<div>html</div>',
    '',
    'Text with a note.[^1]',
    '',
    '[^1]: The source.',
    '',
  ].join('\n');
  const parsed = parseDocument(doc('a.md', md));

  it('classifies every block', () => {
    expect(parsed.blocks.map((b) => `${b.kind}:${b.container}`)).toEqual([
      'frontmatter:root',
      'heading:root',
      'paragraph:root',
      'paragraph:listItem',
      'paragraph:blockquote',
      'code:root',
      'table:root',
      'html:root',
      'paragraph:root',
      'paragraph:footnote',
    ]);
  });

  it('gives exact offsets and a prose view of equal length', () => {
    for (const block of parsed.prose) {
      expect(block.prose).toHaveLength(block.range[1] - block.range[0]);
    }
    expect(md.slice(...parsed.prose[1]!.range)).toBe(
      'A paragraph with **bold**, `code` and a [link](https://example.com "t").',
    );
  });

  it('masks markup but keeps the words', () => {
    const para = parsed.prose[1]!;
    expect(para.prose.replace(/ +/g, ' ')).toBe(`A paragraph with bold , ${OBJECT_MASK.repeat(6)} and a link .`);
    expect(para.inlines.map((i) => i.kind)).toEqual(['code', 'link']);
    expect(parsed.prose[0]!.prose.trim().replace(/ +/g, ' ')).toBe('The heading');
  });

  it('drops quote markers from quoted continuation lines', () => {
    const quote = parsed.prose.find((b) => b.container === 'blockquote')!;
    expect(quote.prose.replace(/\s+/g, ' ').trim()).toBe('a quoted paragraph');
  });

  it('masks footnote references', () => {
    const note = parsed.prose.find((b) => md.slice(...b.range).startsWith('Text with'))!;
    expect(note.inlines.map((i) => i.kind)).toEqual(['footnoteReference']);
  });

  it('keeps offsets exact with CRLF, emoji and combining marks', () => {
    const text = '# Tí\u0301tle 🎉\r\n\r\nA 🎉 paragraph with cafe\u0301.\r\n\r\nSecond 𝒳 one.\r\n';
    const p = parseDocument(doc('b.md', text));
    expect(slices(text, p.prose.map((b) => b.range))).toEqual([
      '# Tí\u0301tle 🎉',
      'A 🎉 paragraph with cafe\u0301.',
      'Second 𝒳 one.',
    ]);
    expect(p.prose[2]!.sentences.map((s) => text.slice(...s.range))).toEqual(['Second 𝒳 one.']);
  });
});

describe('sentences', () => {
  const split = (text: string): string[] => splitSentences(text, 0).map((s) => text.slice(...s.range));

  it('does not end sentences at abbreviations, decimals or initials', () => {
    expect(
      split('The U.S. does not plan it. Dr. Smith met Gen. Jones at No. 5 Main St. on Tuesday. Growth was 3.5 percent. John F. Kennedy spoke.'),
    ).toEqual([
      'The U.S. does not plan it.',
      'Dr. Smith met Gen. Jones at No. 5 Main St. on Tuesday.',
      'Growth was 3.5 percent.',
      'John F. Kennedy spoke.',
    ]);
  });

  it('ends a sentence after an acronym when a sentence opener follows', () => {
    expect(split('Troops returned to the U.S. The talks resumed.')).toEqual([
      'Troops returned to the U.S.',
      'The talks resumed.',
    ]);
    expect(split('She joined the U.S. Defense Department in May.')).toHaveLength(1);
  });

  it('keeps a citation marker glued to the period with its sentence', () => {
    expect(split('Exports rose 12 percent.[1] Imports fell.[2, 3] Prices held.')).toEqual([
      'Exports rose 12 percent.[1]',
      'Imports fell.[2, 3]',
      'Prices held.',
    ]);
    expect(split('Exports rose.\uFFFC\uFFFC\uFFFC\uFFFC Imports fell.')).toEqual(['Exports rose.\uFFFC\uFFFC\uFFFC\uFFFC', 'Imports fell.']);
  });

  it('handles quotes, questions and exclamations', () => {
    expect(split('He said "we will act." Will they? "Yes!" she said.')).toEqual([
      'He said "we will act."',
      'Will they?',
      '"Yes!" she said.',
    ]);
  });

  it('splits the founding draft paragraphs', () => {
    const text = fixture('seed-article.txt');
    const parsed = parseDocument(doc('seed.txt', text));
    expect(parsed.prose.map((b) => b.sentences.length)).toEqual([3, 3, 4, 3, 4]);
    expect(text.slice(...parsed.prose[0]!.sentences[2]!.range)).toMatch(/^The U\.S\. does not currently/);
  });
});

describe('lines', () => {
  it('numbers lines for LF, CRLF and CR', () => {
    const starts = computeLineStarts('a\nb\r\nc\rd');
    expect(starts).toEqual([0, 2, 5, 7]);
    expect([0, 1, 2, 4, 5, 7].map((o) => lineNumberAt(starts, o))).toEqual([1, 1, 2, 2, 3, 4]);
  });

  it('counts breaks at either end, in runs and as CR then LF pairs', () => {
    expect(computeLineStarts('')).toEqual([0]);
    expect(computeLineStarts('\n')).toEqual([0, 1]);
    expect(computeLineStarts('\r')).toEqual([0, 1]);
    expect(computeLineStarts('\r\n\r\n')).toEqual([0, 2, 4]);
    expect(computeLineStarts('\n\r')).toEqual([0, 1, 2]);
    expect(computeLineStarts('\r\r\n\n')).toEqual([0, 1, 3, 4]);
    expect(computeLineStarts('ab\n\ncd\r')).toEqual([0, 3, 4, 7]);
  });
});
