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

// In a set of documents, the one edited document is patched the same way; rules memoise findings per group
// there, so the index must list every group whose mentions moved (NameIndex.moved), and only those.
describe('name index of a document set, one document edited at a time', () => {
  const URIS = ['a.md', 'b.md', 'c.md'];

  it('equals a fresh build after each paragraph edit', () => {
    const edit = fc.record({ doc: fc.nat(URIS.length - 1), step });
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...PARAGRAPHS), { maxLength: 25 }), { minLength: URIS.length, maxLength: URIS.length }), fc.array(edit, { minLength: 1, maxLength: 10 }), (initial, edits) => {
        const linter = new Linter();
        const state = new NameIndexState();
        const drafts = initial.map((paragraphs) => [...paragraphs]);
        const summaries = () => drafts.map((paragraphs, i) => linter.analyze({ uri: URIS[i]!, languageId: 'markdown', text: paragraphs.join('\n\n') }, undefined, { summaryOnly: true }).summary);
        state.update(summaries());
        for (const { doc, step: s } of edits) {
          drafts[doc] = applyStep(drafts[doc]!, s);
          const docs = summaries();
          expect(view(state.update(docs))).toEqual(view(indexNames(docs)));
        }
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });

  it('lists a key under new index keys, in their place, when an edit makes a document define it', () => {
    const linter = new Linter();
    const state = new NameIndexState();
    const summary = (uri: string, paragraphs: readonly string[]) => linter.analyze({ uri, languageId: 'markdown', text: paragraphs.join('\n\n') }, undefined, { summaryOnly: true }).summary;
    // b.md defines GAO, which a.md uses: b.md's mentions of it are listed apart, under a key of their own.
    const other = ['The Government Accountability Office (GAO) said GAO agreed.', 'Washington, D.C. is here.'];
    state.update([summary('a.md', ['The GAO and DC met.', 'Nothing to see here at all.']), summary('b.md', other)]);
    // a.md keeps its keys but now defines DC: its DC is listed apart too, before b.md's GAO (set order).
    const docs = [summary('a.md', ['The GAO and DC met.', 'A defined contribution (DC) plan.']), summary('b.md', other)];
    const after = state.update(docs);
    expect([...after.byKey.keys()].filter((key) => key.includes('\u0000'))).toEqual(['N:dc\u0000a.md', 'N:gao\u0000b.md']);
    expect(view(after)).toEqual(view(indexNames(docs)));
  });

  it('lists the groups whose mentions moved, and only those', () => {
    const linter = new Linter();
    const state = new NameIndexState();
    const summary = (uri: string, paragraphs: readonly string[]) => linter.analyze({ uri, languageId: 'markdown', text: paragraphs.join('\n\n') }, undefined, { summaryOnly: true }).summary;
    const other = ['President Zelenskyy met the U.S. delegation.', 'The CBO and NATO and Nato.'];
    const draft = ['Zelensky said the US would help.', 'Nothing to see here at all.', 'A cease-fire and a ceasefire.'];
    const before = state.update([summary('a.md', other), summary('b.md', draft)]);
    const groupOf = (index: NameIndex, text: string) => [...index.byKey.values()].find((group) => group.some((m) => m.mention.text === text))!;
    const [usBefore, natoBefore, ceasefireBefore] = [groupOf(before, 'US'), groupOf(before, 'Nato'), groupOf(before, 'ceasefire')];
    const firstBefore = before.documents[1]!.mentions[0];
    const edited = [...draft];
    edited[1] = 'Nothing to see here at all, really.';
    const docs = [summary('a.md', other), summary('b.md', edited)];
    const after = state.update(docs);
    expect(view(after)).toEqual(view(indexNames(docs)));
    expect(after.carriesOver).toBe(true);
    // Before the edit: the same mention object and group; after it: the same group, moved; no mention in the draft: untouched.
    expect(after.documents[1]!.mentions[0]).toBe(firstBefore);
    expect(groupOf(after, 'US')).toBe(usBefore);
    expect(groupOf(after, 'Nato')).toBe(natoBefore);
    expect(groupOf(after, 'ceasefire')).toBe(ceasefireBefore);
    expect(after.moved?.get(ceasefireBefore)).toBe(ceasefireBefore);
    expect(after.moved?.has(usBefore)).toBe(false);
    expect(after.moved?.has(natoBefore)).toBe(false);
  });
});
