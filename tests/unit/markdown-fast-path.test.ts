import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastBlocks, fastParagraph, isFast, isPlainParagraph, plainParagraph } from '../../server/src/engine/document/fast-paragraph';
import { parseMarkdownBlocks, parseTree } from '../../server/src/engine/document/markdown';
import type { ProseBlock } from '../../server/src/engine/document/model';

// Fragments that come near every construct the fast path must leave to the parser.
const FRAGMENTS = [
  'word', 'The U.S. Army', ' ', ' ', '  ', '\n', '\r\n', '\r', '\t', '1.', '1)', '2024.', '- ', '+ ', '* ', '# ', '> ', '=', '---',
  '|', '| 1. |', ':--', '|---|', '&amp;', '&', '[', ']', '(x)', '!', '`', '*', '_', '~', '<', '>', '\\', '@', 'a@b.c', 'www.x.org',
  'https://x.org', 'mailto:a', 'x:y', '    ', '\u00a0', 'é', '"', '’', '$5', '%',
];

const body = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));

/** Texts of one to sixteen fragments, `weight` times as often from `likely` as from `risky`. */
function fragments(likely: readonly string[], risky: readonly string[], weight: number): fc.Arbitrary<string> {
  const fragment = fc.oneof({ weight, arbitrary: fc.constantFrom(...likely) }, { weight: 1, arbitrary: fc.constantFrom(...risky) });
  return fc.array(fragment, { minLength: 1, maxLength: 16 }).map((parts) => parts.join(''));
}

/**
 * Checks that wherever the fast path reads one of `texts` (leading and
 * trailing line breaks cut) as a paragraph, the parser reads the same; the
 * number of such texts for which `counts` holds, to show the check bites.
 */
function agreesWithParser(texts: fc.Arbitrary<string>, counts: (body: string) => boolean): number {
  let taken = 0;
  fc.assert(
    fc.property(texts, (raw) => {
      const body = raw.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '');
      const block = fastParagraph(body, 0, false);
      if (!block) return;
      if (counts(body)) taken++;
      expect([block]).toEqual(parseTree(body));
    }),
    { numRuns: 5000, seed: 8 },
  );
  return taken;
}

/**
 * Checks that {@link isFast} says whether the fast path reads a segment of
 * `bodies`, and that wherever it does the parser reads the same blocks; the
 * number of such segments for which `counts` holds.
 */
function blocksAgreeWithParser(bodies: fc.Arbitrary<string>, counts: (body: string, blocks: readonly ProseBlock[]) => boolean, numRuns: number): number {
  let taken = 0;
  fc.assert(
    fc.property(bodies, (body) => {
      const blocks = fastBlocks(body, 0, false);
      expect(isFast(body, false)).toBe(blocks !== undefined);
      if (!blocks) return;
      if (counts(body, blocks)) taken++;
      expect(blocks).toEqual(parseTree(body));
    }),
    { numRuns, seed: 8 },
  );
  return taken;
}

describe('plain-paragraph fast path', () => {
  it('gives exactly the blocks of the real parser wherever it applies', () => {
    fc.assert(
      fc.property(body, (text) => {
        const trimmed = text.replace(/^[\r\n]+/, '').replace(/[ \r\n]+$/, '');
        if (isPlainParagraph(trimmed)) expect([plainParagraph(trimmed)]).toEqual(parseTree(trimmed));
        const block = fastParagraph(trimmed, 0, false);
        if (block) expect([block]).toEqual(parseTree(trimmed));
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

describe('simple-emphasis fast path', () => {
  // Emphasis that can only pair one way, and every near miss: runs of three, intraword and flanking-both-ways runs,
  // nesting, unmatched runs, runs before and after punctuation, other spaces, line starts that could open a block.
  const LIKELY = ['word', 'The U.S. Army', ' ', ' ', '\n', '_', '*', '**', '__', '(', ')', '.', ',', ':', 'é', '2024', '_term_', '**Note:**', ' *a* ', ' [a](u) ', '[two words](https://x.org/a_b_c)', ' https://x.org/a_b ', ' (https://x.gov/r).'];
  const RISKY = ['***', '___', 'a_b', 'a*b', '**a*', '*a**', '"', '’', '\u00a0', '-', '- ', '* ', '\n* ', '\n_', '\n**', '#', '[a](u)', '[*a*](u)', '[a_b](u)', '[1]', '[', ']', '](', '`', '\\', '~', '<', '&amp;', 'https://x.org', ' https://x.org ', '!', ';', '?', '\t', '𝐀', '\u0301'];
  const text = fragments(LIKELY, RISKY, 10);

  it('gives exactly the blocks of the real parser wherever it applies', () => {
    // The generator must reach the fast path with emphasis often enough to mean something.
    expect(agreesWithParser(text, (body) => /[*_]/.test(body))).toBeGreaterThan(100);
  });

  it('gives exactly the blocks of the real parser for lists with wide markers and wrapped items', () => {
    const marker = fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom('- ', '-   ', '-  ', '-    ', '* ', '+   ') },
      { weight: 2, arbitrary: fc.constantFrom('1. ', '1.  ', '10) ') },
      { weight: 1, arbitrary: fc.constantFrom('-     ', '-', '- [ ] ', '- - ', '> ', '', '-\t', '- # ') },
    );
    // A later line of an item: indented to its content (the usual case), more, less, or not at all (lazy).
    const indent = fc.oneof({ weight: 6, arbitrary: fc.constant('=') }, { weight: 1, arbitrary: fc.constantFrom('+1', '+4', '-1', '0') });
    // Lines open as items and their later lines usually do: with a word, or a bold or italic one.
    const opening = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('Word ', '**Title.** ', '_Term_ ', 'The ', '2024 ') }, { weight: 1, arbitrary: fc.constant('') });
    const words = fc
      .array(fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...LIKELY.filter((f) => !/^[*_]+$/.test(f))) }, { weight: 1, arbitrary: fc.constantFrom(...LIKELY, ...RISKY) }), { maxLength: 8 })
      .map((parts) => parts.join(''));
    const line = fc.tuple(opening, words).map(([o, t]) => `${o}${t.replace(/[\r\n]+/g, ' ')}`.trim()).filter((t) => t.length > 0);
    const item = fc.tuple(marker, line, fc.array(fc.tuple(indent, line), { maxLength: 3 })).map(([m, first, rest]) => {
      const column = m.length;
      const pad = (how: string): string => ' '.repeat(how === '=' ? column : how === '0' ? 0 : Math.max(0, column + Number(how)));
      return [m + first, ...rest.map(([how, t]) => pad(how) + t)].join('\n');
    });
    // Wrapped items or wide markers: the shapes this path adds to the simple lists above.
    const wrappedOrWide = (body: string): boolean => body.includes('\n ') || /^[-*+] {2}/.test(body);
    const lists = fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => items.join('\n'));
    expect(blocksAgreeWithParser(lists, wrappedOrWide, 3000)).toBeGreaterThan(100);
  });

  it('gives exactly the blocks of the real parser for headings', () => {
    const hashes = fc.oneof({ weight: 10, arbitrary: fc.constantFrom('# ', '## ', '### ', '###### ', '##  ') }, { weight: 1, arbitrary: fc.constantFrom('####### ', '#', ' # ', '#\t', '\\# ', '') });
    const headings = fc
      .tuple(hashes, text, fc.constantFrom('', ' ', ' #', ' ##', '#', '  '))
      .map(([opening, raw, end]) => opening + raw.replace(/[\r\n]+/g, ' ').replace(/^ +/, '') + end);
    expect(blocksAgreeWithParser(headings, (_, blocks) => blocks[0]?.kind === 'heading', 3000)).toBeGreaterThan(100);
  });

  it('takes terms, labels and bold openings, and declines what only the parser can pair', () => {
    const block = fastParagraph('A _human subject_ is defined.\n**Note:** This table (**bold**) ends.', 5, false);
    expect(block?.prose).toBe('A  human subject  is defined.\n  Note:   This table (  bold  ) ends.');
    expect(block?.inlines).toEqual([]);
    expect(fastBlocks('- **Title** of the item\n- _Another_ item', 0, false)).toEqual(parseTree('- **Title** of the item\n- _Another_ item'));
    const text = 'See _the report_ by [the GAO](https://gao.gov/a_b) (**2024**).';
    const linked = fastParagraph(text, 0, false);
    expect(linked?.inlines).toEqual([{ kind: 'link', range: [20, 50], url: 'https://gao.gov/a_b' }]);
    expect([linked]).toEqual(parseTree(text));
    expect([fastParagraph('**Note:** See [a](u).', 0, false)]).toEqual(parseTree('**Note:** See [a](u).'));
    expect([fastParagraph('A _b_ https://x.org/a_b.', 0, false)]).toEqual(parseTree('A _b_ https://x.org/a_b.'));
    for (const body of ['**[a](u)**', 'A [*a*](u).', 'A _https://x.org_.', 'A *b https://x.org*.', '** Note:** [a](u).']) expect(fastParagraph(body, 0, false)).toBeUndefined();
    // Runs that stay text, and emphasis inside emphasis, read as CommonMark reads them.
    for (const body of ['**Source: **CRS.', 'snake_case names', 'a * b', '**bold *and* nested**', '_a_b_']) expect([fastParagraph(body, 0, false)]).toEqual(parseTree(body));
    for (const body of ['***both***', '**a*', 'x**y**', '*a*"', '* item']) {
      expect(fastParagraph(body, 0, false)).toBeUndefined();
    }
  });
});

describe('simple-link fast path', () => {
  // Links and near-misses: nested and stray brackets, images, references, titles, spaces, escapes and references in
  // destinations, footnote-like labels, definitions, and the markup a label or the text around it may hold.
  const LIKELY = ['word', 'The U.S. Army', ' ', ' ', '\n', '\n  ', '[', ']', '(', ')', '[1]', '[a](https://x.org/a_b?c=1&d=2)', '[two words](u)', '[a](u)[b](v)',
    ' https://x.org/a_b', ' https://x.gov/r?a=1&b=2 ', 'http://x.org.', '(https://x.org/a(b)c).', ' [a] ', '"[a]lthough" ', '[two\nwords](u)', '[a line\n    on](https://x.org/a)'];
  const RISKY = [
    'https://x_y.com', 'https://', 'http:', 'xhttps://x.org', 'https://x.org).', 'https://x.org/&amp;', 'https://x.org/&amp', 'https://x.org/a]',
    'https://x.org[a](u)', 'https://x.org/"q"', "https://x.org'", 'https://x.org~', 'https://x.org*', 'https://x.org...a', 'HTTPS://X.ORG', 'https://-x',
    'https://.x', 'https://x.org<', 'https://x\u00a0y', 'https://é.com/ü', 'https://x.org;', 'https://x._y.z', 'https://a_b.c.d', 'https://x.org/a]b', 'https://x.org](',
    'https://x.org/a&b;c', 'https://x.org/_a_', '1https://x.org', 'https://x.org\\y', 'https://x.org/(((a', 'https://x.org/a))', '[a https://x.org', 'https://x.org/.[a](u)', '[a [b] https://x.org', '[a] b] https://x.org', '![a] https://x.org', '![a https://x.org',
    '](', '[a](b c)', '[a](b(c)d)', '[a](b((c)))', '[a](b(c)', '[a](b)c)', '[r]eview', '[a]:', '[a] (b)', 'a](b)',
    '[a](<b>)', '[a](b "t")', '[a](b(c))', '[a](b\\)', '[a](&amp;)', '[a](&#64;)', '[^1](u)', '[ ](u)', '[a]: u', '[a][b]', '[a]', '[1]', '![i](u)', '!',
    '[a\nb](u)', '[*a*](u)', '[a_b](u)', '[www.x.org](u)', '[x@y.co](u)', '[[a](u)](v)', '[a](u', '[a]()', '*', '_', 'a_b',
    '`', '<', '@', 'www.x.org', 'https://x.org', '&amp;', '|', '\n|---|', '- ', '# ', '\n===', '1. ', '\t', ':', '"', "'", '’', 'é',
  ];
  const text = fragments(LIKELY, RISKY, 12);

  it('gives exactly the blocks of the real parser wherever it applies', () => {
    // The generator must reach the fast path often enough to mean something.
    expect(agreesWithParser(text, () => true)).toBeGreaterThan(1000);
  });

  it('gives exactly the blocks of the real parser for simple bullet lists', () => {
    const marker = fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom('- ', '* ', '+ ') },
      { weight: 1, arbitrary: fc.constantFrom('-', '-  ', '1. ', '- [ ] ', '- [x] ', '> ', '', '- - ', '- # ', '-\t') },
    );
    const item = fc.tuple(marker, text).map(([m, t]) => m + t.replace(/[\r\n]+/g, ' '));
    const lists = fc.array(item, { minLength: 1, maxLength: 5 }).map((items) => items.join('\n'));
    const aList = (_: string, blocks: readonly ProseBlock[]): boolean => blocks.length > 1 || blocks[0]?.container === 'listItem';
    expect(blocksAgreeWithParser(lists, aList, 5000)).toBeGreaterThan(500);
  });

  it('takes simple links and declines what only the parser can read', () => {
    const block = fastParagraph('See [the report](https://x.gov/r?a=1&b=2) and [1].', 10, false);
    expect(block?.prose).toBe(`See  the report${' '.repeat(26)} and [1].`);
    expect(block?.inlines).toEqual([{ kind: 'link', range: [14, 51], url: 'https://x.gov/r?a=1&b=2' }]);
    expect([fastParagraph('A [a](b) *em*.', 0, false)]).toEqual(parseTree('A [a](b) *em*.'));
    for (const body of ['[a]: u [b](c)', 'An ![image](u).', 'A [link](u "title").', 'A [*em*](u).', 'A [a](b c).']) {
      expect(fastParagraph(body, 0, false)).toBeUndefined();
    }
    // Without definitions, `[x][y]` is text; with them, `[1]` may be a reference.
    expect([fastParagraph('A [x][y] [a](b).', 0, false)]).toEqual(parseTree('A [x][y] [a](b).'));
    expect(fastParagraph('A [a](b) and [1].', 0, true)).toBeUndefined();
  });
});

describe('segments parsed in runs', () => {
  const segment = fc.constantFrom(
    'Plain prose here.', 'A [link](https://x.org) and *em*.', '---', '+++', '# Heading', '- a\n- b', '> quote', '| a | b |\n|---|---|\n| 1 | 2 |',
    '```\ncode\n\nmore\n```', 'Text with a note.[^1]', '[^1]: The note.', '1. one\n2. two', '<!--\n\nc\n-->', 'Setext\n---',
    '  Indented text.', '    indented code', '\tTabbed.', '- a\n\n  b', '[^2]: Note.\n\n    more', '> q\n\n  after', '| 1. | Note.\n\n\n   Disclaimer:\n These.',
    '# H\n    code', '<div>\nx\n</div>', '* b\n\n   * c',
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
