// The name index of a one-document set (an editor with one open draft) is
// patched per edited paragraph instead of rebuilt; whatever the edits, it
// must equal a fresh build: groups, their order, offsets, definitions and
// closed forms joined to hyphenated ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Linter } from '../../server/src/engine/index';
import { indexNames, NameIndexState, type NameIndex } from '../../server/src/engine/names/index';

const PARAGRAPHS = [
  'President Zelenskyy met the U.S. delegation.', 'Zelensky said the US would help.', 'The defence and defense budgets.',
  'The Government Accountability Office (GAO) said GAO agreed.', 'A defined contribution (DC) plan; D.C. and DC.',
  'The cyber-security rules changed.', 'The cybersecurity rules changed.', 'The flux-gadget broke.', 'A fluxgadget and two fluxgadgets.',
  'Senator Mike Waltz and Michael Waltz; Patty Murray and Justin Murray.', 'Pete Hegseth, Hegseth, Hegseth and Hegsith.',
  'The CBO and NATO and Nato.', 'A cease-fire and a ceasefire.', 'The Congressional Budget Office (CBO) disagreed.',
  'Nothing to see here at all.', '# The Heading Of Things', '> The defence minister said "Nato is fine".',
];

const view = (index: NameIndex): unknown => ({
  keys: [...index.byKey].map(([key, group]) => [key, group.map((m) => [m.doc.uri, m.doc.text.length, m.docIndex, m.start, m.end, m.mention.form, m.mention.variants])]),
  documents: index.documents.map((names) => [
    names.doc.uri,
    names.doc.text.length,
    names.mentions.map((m) => [m.doc.text.length, m.start, m.end, m.mention.key, m.mention.variants]),
    names.acronyms.map((m) => [m.start, m.end, m.mention.key]),
    names.definitions.map((d) => [d.doc.text.length, d.start, d.end, d.acronymStart, d.acronymEnd, d.definition.key]),
  ]),
});

const step = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'insert', 'delete', 'type'), paragraph: fc.constantFrom(...PARAGRAPHS) });

function applyStep(paragraphs: string[], { at, kind, paragraph }: { at: number; kind: string; paragraph: string }): string[] {
  const next = [...paragraphs];
  const i = paragraphs.length === 0 ? 0 : at % paragraphs.length;
  if (kind === 'insert' || paragraphs.length === 0) next.splice(i, 0, paragraph);
  else if (kind === 'delete') next.splice(i, 1);
  else if (kind === 'replace') next[i] = paragraph;
  else next[i] = `${paragraphs[i]} ${paragraph}`;
  return next;
}

describe('name index of one document', () => {
  it('equals a fresh build after each paragraph edit', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARAGRAPHS), { minLength: 0, maxLength: 40 }), fc.array(step, { minLength: 1, maxLength: 10 }), (initial, steps) => {
        const linter = new Linter();
        const state = new NameIndexState();
        const summary = (paragraphs: string[]) => linter.analyze({ uri: 'draft.md', languageId: 'markdown', text: paragraphs.join('\n\n') }, undefined, { summaryOnly: true }).summary;
        let paragraphs = initial;
        state.update([summary(paragraphs)]);
        for (const s of steps) {
          paragraphs = applyStep(paragraphs, s);
          const docs = [summary(paragraphs)];
          expect(view(state.update(docs))).toEqual(view(indexNames(docs)));
        }
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });

  it('keeps the mentions of paragraphs an edit did not touch', () => {
    const linter = new Linter();
    const state = new NameIndexState();
    const paragraphs = Array.from({ length: 30 }, (_, i) => PARAGRAPHS[i % PARAGRAPHS.length]!);
    const summary = (text: string) => linter.analyze({ uri: 'draft.md', languageId: 'markdown', text }, undefined, { summaryOnly: true }).summary;
    const before = state.update([summary(paragraphs.join('\n\n'))]);
    const first = before.documents[0]!.mentions[0]!;
    const last = before.documents[0]!.mentions.at(-1)!;
    const lastStart = last.start;
    const edited = [...paragraphs];
    edited[15] = `${edited[15]} Nato again.`;
    const docs = [summary(edited.join('\n\n'))];
    const after = state.update(docs);
    // The same objects, the later one moved by the inserted text.
    expect(after.documents[0]!.mentions[0]).toBe(first);
    expect(after.documents[0]!.mentions.at(-1)).toBe(last);
    expect(last.start).toBe(lastStart + ' Nato again.'.length);
    expect(view(after)).toEqual(view(indexNames(docs)));
  });
});
