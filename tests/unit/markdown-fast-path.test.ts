import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainParagraph, parseMarkdownBlocks, parseTree, plainParagraph } from '../../server/src/engine/document/markdown';

// Fragments that come near every construct the fast path must leave to the parser.
const FRAGMENTS = [
  'word', 'The U.S. Army', ' ', ' ', '  ', '\n', '\r\n', '\r', '\t', '1.', '1)', '2024.', '- ', '+ ', '* ', '# ', '> ', '=', '---',
  '|', '| 1. |', ':--', '|---|', '&amp;', '&', '[', ']', '(x)', '!', '`', '*', '_', '~', '<', '>', '\\', '@', 'a@b.c', 'www.x.org',
  'https://x.org', 'mailto:a', 'x:y', '    ', '\u00a0', 'é', '"', '’', '$5', '%',
];

const body = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));

describe('plain-paragraph fast path', () => {
  it('gives exactly the blocks of the real parser wherever it applies', () => {
    fc.assert(
      fc.property(body, (text) => {
        const trimmed = text.replace(/^[\r\n]+/, '').replace(/[ \r\n]+$/, '');
        if (!isPlainParagraph(trimmed)) return;
        expect([plainParagraph(trimmed)]).toEqual(parseTree(trimmed));
      }),
      { numRuns: 3000, seed: 8 },
    );
  });

  it('takes plain prose and declines markup', () => {
    expect(isPlainParagraph('Officials said the U.S. spent $5 billion.\nA second line.')).toBe(true);
    expect(isPlainParagraph('| 1. | See the report, p. 4.\n| 2. | Ibid.')).toBe(true);
    for (const text of ['A [link](x).', 'An *emphasis*.', 'Text\n- item', 'Text\n\nMore', ' indented', 'a | b\n--- | ---', 'See https://x.org', 'Text\n===', 'Mail a&#64;b.co']) {
      expect(isPlainParagraph(text)).toBe(false);
    }
  });
});

describe('segments parsed in runs', () => {
  const segment = fc.constantFrom(
    'Plain prose here.', 'A [link](https://x.org) and *em*.', '---', '+++', '# Heading', '- a\n- b', '> quote', '| a | b |\n|---|---|\n| 1 | 2 |',
    '```\ncode\n\nmore\n```', 'Text with a note.[^1]', '[^1]: The note.', '1. one\n2. two', '<!--\n\nc\n-->', 'Setext\n---',
  );
  it('give exactly the blocks of a whole-document parse', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 30 }), (segments) => {
        // An unclosed `---`/`+++` opening the document is the segmenter's own matter, not the runs'.
        const text = ['Opening words.', ...segments].join('\n\n');
        expect(parseMarkdownBlocks(text)).toEqual(parseTree(text));
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});

describe('optional GFM constructs kept only where they can match', () => {
  // Near-misses of each autolink literal (email, www, protocol) and of tables (delimiter rows with and
  // without pipes or colons, setext underlines), references that decode to their characters, and the
  // markup around links, so the lean parser options must agree with full GFM.
  const fragment = fc.constantFrom(
    'word', 'Who went where', ' ', '\n', '\n\n', '(', ')', '*', '_', '[', ']', '~', '.', ',', 'a@b.co', 'x@y', '@', 'user.name+tag@example.org',
    'www.', 'www.example.com', 'WWW.Example.com/path', 'http://x.org', 'HTTPS://X.org/a_(b)', 'http:', 'https:/', 'ftp://x.org',
    '&#64;', '&#x40;', 'a&#64;b.com', '&#119;ww.x.org', '&amp;', '[text](https://x.org)', '<https://x.org>', '<a@b.co>',
    '[^1]', '`code www.x.org`', '\\@', '- ', '> ', 'mailto:a@b.co', 'xmpp:a@b.co',
    '|', ' | ', '\n|---|', '\n:--', '\n--:', '\n:-:', '\n---', '\n--', '\n-', '\n===', ':', '-', '\n  ', '\t', 'a | b\n-- | --\n1 | 2',
  );
  it('parse exactly as with every GFM construct', () => {
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 24 }), (parts) => {
        const text = `Opening words.\n\n${parts.join('')}`;
        expect(parseMarkdownBlocks(text)).toEqual(parseTree(text));
      }),
      { numRuns: 1500, seed: 8 },
    );
  });
});
