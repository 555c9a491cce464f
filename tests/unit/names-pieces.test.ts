// A long block's mentions are extracted in pieces (names/pieces.ts), and an
// edited block reuses the pieces the edit left alone (or the cut-up mentions
// of a block extracted whole): joined, the pieces must give exactly what
// extracting the whole block gives, after any edit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Linter } from '../../server/src/engine/index';
import { parseDocument } from '../../server/src/engine/document/parse';
import type { ProseBlock } from '../../server/src/engine/document/model';
import { indexNames, summarizeNames, type NameIndex } from '../../server/src/engine/names/index';
import { extractMentions, MentionCache, type BlockMentions } from '../../server/src/engine/names/mentions';
import { PIECED_MIN, piecedMentions, piecesOfWhole, pieceStarts, type PiecedMentions } from '../../server/src/engine/names/pieces';
import { applyEdit, editAt } from './helpers';

// Sentences and the things that reach across them: names, initials, connectors, shouted runs, speaker
// labels, definitions and open parentheses, quotations, links, endnote rows, line breaks, colons.
const FRAGMENTS = [
  'The committee met on Tuesday. ', 'Pete Hegseth spoke. ', 'Secretary Pete Hegseth of. Defense spoke. ', 'Michael G. Waltz replied. ',
  'The Bank of. America agreed. ', 'It went to G. Next came more. ', 'FACT SHEET. THE PRESIDENT spoke. ', 'MS. PSAKI: Thank you. ',
  'The North Atlantic Treaty Organization (NATO) met. ', 'NATO (North Atlantic Treaty Organization) met. ', 'The Department of Defense (DoD) said so. ',
  'It said (in part. More text here. ', 'a bracket [NTC. ', 'closed) it. ', '] done. ', '"The quote. ', 'ends here." ', '“Curly. ', 'quote.” ',
  '[Link Title. Next](http://e.x) ', 'See the U.S. Agency for International Development (USAID). ', 'The U.S. The EU. ', '| 12. | For example, see ',
  '\n', '\n| 13. | ', '. ', ': ', 'Note: The cease fire held. ', 'The cease fire. Fire again. ', 'cyber-security. ', 'cybersecurity. ', 'Defence spending rose. ',
  'The defence budget. ', 'Jean Pierre met al Qaeda. ', 'Jean. Pierre. ', 'al. Qaeda. ', 'per cent. ', 'US$12 billion. ', 'the FRB/US model. ', 'Sec. 122 applies. ',
  'Zelenskyy. Zelensky. ', 'Hegseth’s. Hegseth. ', 'It is G’s. Next. ', 'Apple Inc. Next. ', '- Item one. ', '1. First. ', '(GAO). ', 'the GAO. ', 'e.g. ', 'of. ', 'y. Z ',
  'Participants noted that inflation remained elevated. ', 'Members agreed. ', '2023. ', 'available at https://example.com/x. ', '(research, and evaluation [RDT&E]) ',
];

// One paragraph: no blank line.
const blockText = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 260, maxLength: 420 }).map((parts) => parts.join('').replace(/\n\s*\n/g, '\n'));
const edit = fc.record({
  at: editAt,
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom('x', 'A', ' ', '.', '(', ')', '"', '\n', ':', 'G. ', '')),
});

/** The pieces' mentions at block offsets, as one list: what a whole-block extraction gives. */
function joined(found: PiecedMentions): BlockMentions {
  const whole = { mentions: [] as unknown[], definitions: [] as unknown[], closedWords: [] as string[], closedStarts: [] as number[] };
  found.pieces.forEach((piece, p) => {
    const at = found.starts[p]!;
    for (const m of piece.mentions) {
      const moved = { ...m, start: m.start + at, end: m.end + at };
      if (m.givenStart !== undefined) Object.assign(moved, { givenStart: m.givenStart + at, givenEnd: m.givenEnd! + at });
      whole.mentions.push(moved);
    }
    for (const d of piece.definitions) whole.definitions.push({ ...d, start: d.start + at, end: d.end + at, acronymStart: d.acronymStart + at, acronymEnd: d.acronymEnd + at });
    whole.closedWords.push(...piece.closedWords);
    whole.closedStarts.push(...piece.closedStarts.map((s) => s + at));
  });
  return whole as unknown as BlockMentions;
}

/** An index as plain data: mentions and definitions at document offsets (what a block or a piece adds to them is its own), and the groups by key. */
function placed(index: NameIndex): unknown {
  const at = (m: { start: number; end: number }): [number, number] => [m.start, m.end];
  return {
    documents: index.documents.map((d) => ({
      mentions: d.mentions.map((m) => {
        const { start, end, givenStart, givenEnd, ...rest } = m.mention;
        return [...at(m), end - start, givenStart === undefined ? undefined : [givenStart - start, givenEnd! - start], rest];
      }),
      acronyms: d.acronyms.map(at),
      definitions: d.definitions.map((x) => [...at(x), x.acronymStart, x.acronymEnd, x.definition.acronym, x.definition.long, x.definition.flags]),
    })),
    byKey: [...index.byKey].map(([key, group]) => [key, group.map(at)]),
  };
}

/** The longest prose block of a Markdown text. */
function longest(text: string): ProseBlock {
  return parseDocument({ uri: 'x.md', languageId: 'markdown', text }).prose.reduce((a, b) => (b.prose.length > a.prose.length ? b : a));
}

describe('mentions of long blocks in pieces', () => {
  it('equal the whole block’s, fresh and after edits that reuse pieces', () => {
    let cut = 0;
    fc.assert(
      fc.property(blockText, fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        let current = initial;
        let block = longest(current);
        let found = piecedMentions(block);
        expect(joined(found)).toEqual(extractMentions(block));
        // A block extracted whole, cut into pieces afterwards: the same pieces.
        expect(piecesOfWhole(block, extractMentions(block))).toEqual(found);
        for (const [n, step] of edits.entries()) {
          current = applyEdit(current, step);
          const next = longest(current);
          if (next.prose.length < PIECED_MIN) continue;
          found = piecedMentions(next, { prose: block.prose, found: n % 2 ? found : piecesOfWhole(block, extractMentions(block)) });
          block = next;
          cut += found.pieces.length - 1;
          expect(joined(found)).toEqual(extractMentions(block));
          expect(found).toEqual(piecedMentions(block));
        }
      }),
      { numRuns: 25, seed: 20261129 },
    );
    // The texts above must actually be cut, or nothing was tested.
    expect(cut).toBeGreaterThan(1000);
  });

  it('cuts between sentences, not inside a name, a definition or a parenthesis', () => {
    const text = 'Michael G. Waltz met. The North Atlantic Treaty Organization (NATO) met (at. Noon) again. Bank of. America sued. ';
    const starts = pieceStarts(text.repeat(40)).map((s) => s % text.length);
    expect(new Set(starts)).not.toContain(text.indexOf('Waltz'));
    expect(new Set(starts)).not.toContain(text.indexOf('Noon'));
    expect(new Set(starts)).not.toContain(text.indexOf('America'));
  });

  it('gives the same name index as whole blocks, once an edited long block is in pieces', () => {
    let pieced = 0;
    fc.assert(
      fc.property(blockText, fc.array(edit, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        let current = `# Title\n\nA short paragraph by Pete Hegseth.\n\n${initial}\n\nThe end, said NATO.\n`;
        summarizeNames(parseDocument({ uri: 'pieces.md', languageId: 'markdown', text: current }));
        for (const step of edits) {
          current = applyEdit(current, step);
          const doc = parseDocument({ uri: 'pieces.md', languageId: 'markdown', text: current });
          const names = summarizeNames(doc);
          if (names.blocks.length > doc.prose.length) pieced++;
          expect(placed(indexNames([{ doc, names }]))).toEqual(placed(indexNames([{ doc, names: summarizeNames(doc, new MentionCache()) }])));
        }
      }),
      { numRuns: 15, seed: 20261129 },
    );
    expect(pieced).toBeGreaterThan(20);
  });

  it('lints an edited long paragraph as a fresh linter does', () => {
    fc.assert(
      fc.property(blockText, fc.array(edit, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        const linter = new Linter();
        let current = `${initial}\n\nThe cyber-security office, Pete Hegsith and the GAO.\n`;
        linter.lint([{ uri: 'a.md', languageId: 'markdown', text: current }]);
        for (const step of edits) {
          current = applyEdit(current, step);
          linter.lint([{ uri: 'a.md', languageId: 'markdown', text: current }]);
        }
        const documents = [{ uri: 'a.md', languageId: 'markdown' as const, text: current }];
        expect(linter.lint(documents)).toEqual(new Linter().lint(documents));
      }),
      { numRuns: 10, seed: 20261129 },
    );
  });
});
