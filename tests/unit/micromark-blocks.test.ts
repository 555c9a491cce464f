import fc from 'fast-check';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { parseTree } from '../../server/src/engine/document/markdown';
import { eventBlocks, micromarkEvents } from '../../server/src/engine/document/micromark-blocks';

const EXTENSIONS = [gfm(), frontmatter(['yaml', 'toml'])];

// Every construct the event walker reads or must give up on, and the line structure around them.
const FRAGMENTS = [
  'word', 'The U.S. Army', ' ', '  ', '\n', '\n\n', '\r\n', '\n   ', '\t', '*em*', '**strong**', '_u_', '__uu__', '~~del~~', '~x~', '`code`', '``a ` b``',
  '<span>', '</span>', '<!-- c -->', '![img](i.png)', '![alt *x*](i.png "t")', '![r][ref]', '[a](u)', '[a *b*](u "title")', '[a](<u v>)', '[a](u\\_v)',
  '[a](&amp;)', '[a][ref]', '[ref]', '[ref][]', '[^n]', '[^missing]', '<https://x.org>', '<a@b.co>', 'https://x.org', 'www.x.org', 'a@b.co', '\\*', '\\',
  '&amp;', '&#64;', '&copy;', 'foo  \nbar', 'foo\\\nbar', '# H', '## H #', 'Setext\n===', 'Setext\n---', '- item', '1. item', '- [ ] task', '- [x] done',
  '> quote', '> - q', '| a | b |\n|---|---|\n| 1 | 2 |', '```\ncode\n```', '    indented', '***', '[![i](j)](k)', '[a [b](c) d](e)', '*a [b* c](d)',
];
const DEFINITIONS = '\n\n[ref]: https://ref.example "T"\n\n[^n]: A note.\n';

describe('blocks from micromark events', () => {
  it('are the blocks of the mdast tree wherever the walker is sure', () => {
    let sure = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 20 }), fc.boolean(), (parts, defined) => {
        const text = parts.join('') + (defined ? DEFINITIONS : '');
        const blocks = eventBlocks(text, micromarkEvents(text, EXTENSIONS));
        if (!blocks) return;
        sure++;
        expect(blocks).toEqual(parseTree(text));
      }),
      { numRuns: 3000, seed: 11 },
    );
    // Giving up is always right; it must stay the exception.
    expect(sure).toBeGreaterThan(1500);
  });

  it('gives up on character references, task-list checks and text the autolink transform may change', () => {
    for (const text of ['A &amp; B.', '- [x] done', 'Mail user@localhost now.']) {
      expect(eventBlocks(text, micromarkEvents(text, EXTENSIONS))).toBeUndefined();
    }
    expect(eventBlocks('A *b* [c](d).', micromarkEvents('A *b* [c](d).', EXTENSIONS))).toEqual(parseTree('A *b* [c](d).'));
  });
});
