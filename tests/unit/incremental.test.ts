// Issue #8: the engine's results must not depend on its caches. Linting a
// document after a sequence of edits, through one Linter instance that keeps
// its parsed documents, summaries and block results, must give exactly what
// a fresh Linter gives for the final text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearContentCaches, Linter, type DocumentLanguage, type DocumentResult, type SourceDocument } from '../../server/src/engine/index';
import { parseDocument } from '../../server/src/engine/document/parse';
import { indexNames, NameIndexState, summarizeNames, type NameIndex } from '../../server/src/engine/names/index';
import { MentionCache } from '../../server/src/engine/names/mentions';
import { applyEdit, editAt } from './helpers';

const FRAGMENTS = [
  'the', 'the the', 'U.S.', 'US', 'NATO', 'Nato', 'Zelenskyy', 'Zelensky', 'defence', 'defense', 'experts say', '70%', '$3 billion',
  'according to the GAO', 'Government Accountability Office (GAO)', 'the CBO', 'Pete Hegseth', 'Hegsith',
  ' ', '\n', '\n\n', '\r\n', '. ', '"', '# ', '- ', '> ', '[x](http://e.x)', '[^1]', '<!-- policylint-disable-next-line repeated-word -->',
  'The committee reviewed the proposal in detail and found the estimates optimistic.',
  'The committee reviewed the proposal in detail and found the estimates too optimistic.',
];

const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const edit = fc.record({
  at: editAt,
  remove: fc.nat({ max: 30 }),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom('a', 'e', ' ', '\n', '.')),
});
const language = fc.constantFrom<DocumentLanguage>('markdown', 'plaintext');

describe('incremental linting', () => {
  it('gives the same results after a sequence of edits as linting the final text from scratch', () => {
    fc.assert(
      fc.property(text, text, fc.array(edit, { minLength: 1, maxLength: 12 }), language, (initial, other, edits, languageId) => {
        const linter = new Linter();
        // A second document that never changes: its cached summary must still meet the edited one.
        const fixed: SourceDocument = { uri: 'b', languageId, text: other };
        let current = initial;
        linter.lint([{ uri: 'a', languageId, text: current }, fixed]);
        for (const step of edits) {
          current = applyEdit(current, step);
          linter.lint([{ uri: 'a', languageId, text: current }, fixed]);
        }
        const documents: SourceDocument[] = [{ uri: 'a', languageId, text: current }, fixed];
        expect(linter.lint(documents)).toEqual(new Linter().lint(documents));
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });

  it('gives the same results as a fresh linter after every edit of one document', () => {
    // One document: its name index is patched in place, and the name rules visit only the groups an edit touched.
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 12 }), language, (initial, edits, languageId) => {
        const linter = new Linter();
        let current = initial;
        linter.lint([{ uri: 'one', languageId, text: current }]);
        for (const step of edits) {
          current = applyEdit(current, step);
          const documents: SourceDocument[] = [{ uri: 'one', languageId, text: current }];
          expect(linter.lint(documents)).toEqual(new Linter().lint(documents));
        }
      }),
      { numRuns: 80, seed: 20261130 },
    );
  });

  it('reports a group that an edit makes inconsistent, and drops one it makes consistent, in a long draft', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says the committee met on the budget again.`);
    let draft = ['The US and NATO met.', ...filler, 'The US and NATO met again.', ...filler, 'Later the US left NATO.'].join('\n\n');
    const linter = new Linter();
    const lint = (text: string) => linter.lint([{ uri: 'draft', languageId: 'markdown', text }]);
    lint(draft);
    for (const [from, to] of [['The US and NATO met again', 'The U.S. and NATO met again'], ['The U.S. and NATO met again', 'The US and NATO met again'], ['Later the US left NATO', 'Later the U.S. left NATO']]) {
      draft = draft.replace(from!, to!);
      const fresh = new Linter().lint([{ uri: 'draft', languageId: 'markdown', text: draft }]);
      expect(lint(draft)).toEqual(fresh);
    }
    expect(lint(draft)[0]!.findings.some((finding) => finding.ruleId === 'inconsistent-name' && finding.message.includes('"U.S."'))).toBe(true);
  });

  it('gives the same results when the content caches are emptied between edits, as the server does when idle', () => {
    fc.assert(
      fc.property(text, text, fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 12 }), language, (initial, other, steps, languageId) => {
        const linter = new Linter();
        const fixed: SourceDocument = { uri: 'b', languageId, text: other };
        let current = initial;
        linter.lint([{ uri: 'a', languageId, text: current }, fixed]);
        for (const [step, emptyFirst] of steps) {
          if (emptyFirst) clearContentCaches();
          current = applyEdit(current, step);
          linter.lint([{ uri: 'a', languageId, text: current }, fixed]);
        }
        clearContentCaches();
        const documents: SourceDocument[] = [{ uri: 'a', languageId, text: current }, fixed];
        expect(linter.lint(documents)).toEqual(new Linter().lint(documents));
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });
});

// A document's names reuse the previous version's blocks where the edit left
// them alone: the result must equal extracting every block afresh.
describe('incremental name summaries', () => {
  it('equal a fresh extraction after each edit', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 12 }), language, (initial, edits, languageId) => {
        let current = initial;
        const uri = `names-${languageId}`;
        summarizeNames(parseDocument({ uri, languageId, text: current }));
        for (const step of edits) {
          current = applyEdit(current, step);
          const doc = parseDocument({ uri, languageId, text: current });
          expect(summarizeNames(doc)).toEqual(summarizeNames(doc, new MentionCache()));
        }
      }),
      { numRuns: 100, seed: 20261129 },
    );
  });
});

// The cross-file indexes (repeats) are kept between runs and updated per
// changed document: across edits, additions and removals in a set, each run
// must equal a fresh lint of the same set, "earlier copy" order included.
describe('incremental linting of document sets', () => {
  const SENTENCES = [
    'The committee reviewed the proposal in detail and found the estimates optimistic.',
    'The committee reviewed the proposal in detail and found the estimates too optimistic.',
    'Officials said the program would cost $3 billion over the next ten years.',
    'The agency has not published a schedule for the remaining phases of the work.',
    'Congress may wish to consider whether the current funding level is adequate.',
    // Name variants, acronym definitions, closed forms and people, so the name index and its rules change too.
    'President Zelenskyy met the U.S. delegation on Monday.',
    'Zelensky said the US would send more aid.',
    'The defence budget grew while the defense budget shrank.',
    'The Government Accountability Office (GAO) reported that GAO staff disagreed.',
    'A defined contribution (DC) plan differs; Washington, D.C. and DC agree.',
    'The cyber-security rules changed.',
    'The cybersecurity rules changed, and a cease-fire held.',
    'The flux-gadget broke.',
    'A fluxgadget and two fluxgadgets held.',
    'Senator Mike Waltz and Michael Waltz spoke; Patty Murray and Justin Murray left.',
    'Secretary Pete Hegseth said Hegseth and Hegseth agree; Hegsith did not.',
    'The CBO said the NATO and Nato budgets rose in the ceasefire and the cease-fire.',
  ];
  const paragraph = fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
  // Many copies of few paragraphs, so shingle lists pass the boilerplate cap.
  const body = fc.array(fc.oneof(paragraph, fc.constantFrom(...FRAGMENTS)), { maxLength: 30 }).map((parts) => parts.join('\n\n'));
  const uri = fc.constantFrom('a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md');
  const step = fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), uri, edit }),
    fc.record({ kind: fc.constant('put' as const), uri, text: body }),
    fc.record({ kind: fc.constant('remove' as const), uri }),
  );

  it('gives the same results after each edit, addition and removal as a fresh lint', () => {
    fc.assert(
      fc.property(fc.dictionary(uri, body, { maxKeys: 6 }), fc.array(step, { minLength: 1, maxLength: 10 }), language, (initial, steps, languageId) => {
        const linter = new Linter();
        const set = new Map(Object.entries(initial));
        const documents = (): SourceDocument[] => [...set].map(([u, text]) => ({ uri: u, languageId, text }));
        linter.lint(documents());
        for (const change of steps) {
          if (change.kind === 'remove') set.delete(change.uri);
          else if (change.kind === 'put') set.set(change.uri, change.text);
          else set.set(change.uri, applyEdit(set.get(change.uri) ?? '', change.edit));
          // Callers may pass the set in any order; comparison order is by uri.
          const docs = documents().reverse();
          expect(linter.lint(docs)).toEqual(new Linter().lint(docs));
        }
      }),
      { numRuns: 80, seed: 20261129 },
    );
  });
});

// The name index itself, kept between runs: after every change its groups,
// their order and the order of keys must equal a fresh build.
describe('incremental name index', () => {
  const SENTENCES = [
    'President Zelenskyy met the U.S. delegation.', 'Zelensky said the US would help.', 'The defence and defense budgets.',
    'The Government Accountability Office (GAO) said GAO agreed.', 'A defined contribution (DC) plan; D.C. and DC.',
    'The cyber-security rules changed.', 'The cybersecurity rules changed.',
    // Outside the compound table: a closed word joins a hyphenated form only where one is written in the set.
    'The flux-gadget broke.', 'A fluxgadget and two fluxgadgets.', 'The fluxgadgets-maker.', 'Senator Mike Waltz and Michael Waltz; Patty Murray and Justin Murray.',
    'Pete Hegseth, Hegseth, Hegseth and Hegsith.', 'The CBO and NATO and Nato.', 'A cease-fire and a ceasefire.',
  ];
  const body = fc.array(fc.constantFrom(...SENTENCES), { maxLength: 8 }).map((parts) => parts.join('\n\n'));
  const uri = fc.constantFrom('a.md', 'b.md', 'c.md', 'd.md');
  const view = (index: NameIndex): unknown => ({
    keys: [...index.byKey].map(([key, group]) => [key, group.map((m) => [m.doc.uri, m.docIndex, m.start, m.end, m.mention.form, m.mention.variants])]),
    documents: index.documents.map((names) => [names.doc.uri, names.mentions.map((m) => [m.start, m.end, m.mention.key, m.mention.variants]), names.definitions.length]),
  });

  it('equals a fresh build after each change', () => {
    fc.assert(
      fc.property(fc.dictionary(uri, body, { maxKeys: 4 }), fc.array(fc.record({ uri, text: body, remove: fc.boolean() }), { minLength: 1, maxLength: 8 }), (initial, steps) => {
        const linter = new Linter();
        const state = new NameIndexState();
        const set = new Map(Object.entries(initial));
        const summaries = () => [...set].sort(([a], [b]) => (a < b ? -1 : 1)).map(([u, text]) => linter.analyze({ uri: u, languageId: 'markdown', text }, undefined, { summaryOnly: true }).summary);
        state.update(summaries());
        for (const step of steps) {
          if (step.remove) set.delete(step.uri);
          else set.set(step.uri, step.text);
          const docs = summaries();
          expect(view(state.update(docs))).toEqual(view(indexNames(docs)));
        }
      }),
      { numRuns: 120, seed: 20261129 },
    );
  });
});

describe('claim findings after edits', () => {
  // Paragraphs whose claims a following "Source:" line credits, past comments and "Note:" lines, or not.
  const CLAIM_PARAGRAPHS = [
    'Experts say the plan will fail.', 'Spending rose 70% last year.', 'The sanctions caused the collapse.',
    'Source: the GAO.', 'Note: figures are rounded.', '<!-- a comment -->', 'According to the CBO, costs rose 4%.',
    'Critics argue it is widely believed.', '# A heading', '- Experts say so.', 'Plain words only.',
  ];
  const claimDoc = fc.array(fc.constantFrom(...CLAIM_PARAGRAPHS), { minLength: 10, maxLength: 40 }).map((parts) => parts.join('\n\n'));
  const claimEdit = fc.record({
    at: editAt,
    remove: fc.nat(20),
    insert: fc.oneof(fc.constantFrom(...CLAIM_PARAGRAPHS).map((p) => `\n\n${p}\n\n`), fc.constantFrom('a', ' ', '\n\n', 'Source: ', 'Note: ', '.')),
  });

  const CLAIM_RULES = new Set(['vague-attribution', 'unsourced-statistic', 'unattributed-claim']);
  const claimFindings = (results: readonly DocumentResult[]) => results[0]!.findings.filter((finding) => CLAIM_RULES.has(finding.ruleId));

  it('are those of a lint from scratch after every edit, wherever a "Source:" line is reached', () => {
    let fresh = 0;
    fc.assert(
      fc.property(claimDoc, fc.array(claimEdit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        const linter = new Linter();
        let current = initial;
        linter.lint([{ uri: 'claims', languageId: 'markdown', text: current }]);
        for (const step of edits) {
          current = applyEdit(current, step);
          const edited = linter.lint([{ uri: 'claims', languageId: 'markdown', text: current }]);
          // A document never linted before: no earlier walk of it to start from.
          const scratch = new Linter().lint([{ uri: `fresh-${fresh++}`, languageId: 'markdown', text: current }]);
          expect(claimFindings(edited)).toEqual(claimFindings(scratch));
        }
      }),
      { numRuns: 120, seed: 20261130 },
    );
  });
});
