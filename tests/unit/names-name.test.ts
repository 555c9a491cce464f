import { describe, expect, it } from 'vitest';
import { applyEdits, applySafeFixes } from '../../server/src/engine/index';
import { doc } from './helpers';
import { allNameFindings, covered, findingsOf, namesConfig } from './names-helpers';

const names = (text: string, uri = 'a.md') => findingsOf('inconsistent-name', [doc(uri, text)]).get(uri)!;

describe('inconsistent-name', () => {
  it('groups transliterations of one surname and reports the rarer forms', () => {
    const text = 'Zelenskyy spoke on Monday. Later Zelenskyy met allies. Critics of Zelensky disagreed, and Zelenskiy replied.';
    const found = names(text);
    expect(covered(text, found)).toEqual(['Zelensky', 'Zelenskiy']);
    expect(found[0]!.message).toBe('"Zelensky" is also written "Zelenskyy" (2×) and "Zelenskiy" (1×) in this document; use one form ("Zelenskyy").');
    expect(found[0]!.fixes![0]).toMatchObject({ title: 'Change to "Zelenskyy"', safe: true });
  });

  it('reports punctuation and case of acronyms: U.S./US, NATO/Nato/N.A.T.O.', () => {
    const text = 'The U.S. said so. The U.S. agreed with NATO, NATO allies and NATO staff. Then the US and Nato met, and N.A.T.O. too.';
    expect(covered(text, names(text))).toEqual(['US', 'Nato', 'N.A.T.O.']);
  });

  it('reports diacritics and hyphenated names', () => {
    const text = 'Erdoğan met Erdoğan aides before Erdogan left. Karine Jean-Pierre and Jean-Pierre spoke; Jean Pierre did not.';
    expect(covered(text, names(text))).toEqual(['Erdogan', 'Jean Pierre']);
  });

  it('reports a nickname against the full name, and changes only the given name', () => {
    const text = 'Michael Waltz spoke. Later Michael Waltz met allies. Then Mike Waltz left, and Waltz returned.';
    const found = names(text);
    expect(covered(text, found)).toEqual(['Mike Waltz']);
    expect(found[0]!.message).toContain('"Mike Waltz" is also written "Michael Waltz" (2×)');
    const fix = found[0]!.fixes![0]!;
    expect(fix.safe).toBe(false);
    expect(applyEdits(text, fix.edits)).toContain('Then Michael Waltz left');
  });

  it('does not take different people with one surname, or aliases, for variants', () => {
    const text =
      'Patty Murray and Justin Murray spoke. The United States and the U.S. Army agreed. ' +
      'The Secretary of Defense met the Defense Secretary. Mike Waltz spoke, and later Waltz left.';
    expect(names(text)).toEqual([]);
  });

  it('finds the variant when it is only in the second file, pointing at the first', () => {
    const first = 'Zelenskyy visited Washington. Zelenskyy met the President.';
    const second = 'The annex says Zelensky agreed.';
    const found = findingsOf('inconsistent-name', [doc('brief.md', first), doc('annex.md', second)]);
    expect(found.get('brief.md')).toEqual([]);
    const [finding] = found.get('annex.md')!;
    expect(second.slice(...finding!.range)).toBe('Zelensky');
    expect(finding!.message).toContain('in this document set');
    expect(finding!.related!.map((r) => [r.uri, first.slice(...r.range)])).toEqual([
      ['brief.md', 'Zelenskyy'],
      ['brief.md', 'Zelenskyy'],
    ]);
    expect(finding!.related![0]!.message).toBe('"Zelenskyy" (line 1 of brief.md)');
  });

  it('offers "Change all" in the file and across the workspace, neither safe', () => {
    const brief = 'Zelenskyy spoke. Zelenskyy again. Zelenskyy thrice. Zelenskyy, four. Zelensky once.';
    const annex = 'Zelensky twice. Zelensky here.';
    const found = findingsOf('inconsistent-name', [doc('brief.md', brief), doc('annex.md', annex)]);
    const [first] = found.get('annex.md')!;
    const titles = first!.fixes!.filter((f) => !f.title.startsWith('Disable') && !f.config).map((f) => [f.title, f.safe]);
    expect(titles).toEqual([
      ['Change to "Zelenskyy"', true],
      ['Change all 2 to "Zelenskyy" in this file', false],
      ['Change all 3 to "Zelenskyy" in the workspace', false],
    ]);
    const workspace = first!.fixes![2]!;
    expect(workspace.edits.filter((e) => e.uri === 'brief.md')).toHaveLength(1);
    expect(workspace.edits.filter((e) => e.uri === undefined)).toHaveLength(2);
    expect(applyEdits(annex, first!.fixes![1]!.edits)).toBe('Zelenskyy twice. Zelenskyy here.');
  });

  it('skips quotations, cited titles and sentence-initial or heading capitals', () => {
    const text =
      '# Nato Summit Opens\n\nNATO leaders met. NATO agreed. The report "Why Nato Matters" was cited, as was [Nato at 75](https://example.org).\n\n' +
      '> Zelensky said so.\n\nZelenskyy answered.';
    expect(names(text)).toEqual([]);
  });

  it('does not take a contraction, a single capitalised word or a title part for an acronym variant', () => {
    const text = 'I’ve said it. Under Title IV-E, states act. The Dalkon Shield failed, and the SHIELD Act followed.';
    expect(names(text)).toEqual([]);
  });

  it('does not read shouted capitals or transcript labels as acronyms', () => {
    const text = 'America leads. America grows. **MAKING AMERICA GREAT AGAIN:** the plan.\n\nMS. PSAKI: Hello. Psaki said more.';
    expect(names(text)).toEqual([]);
  });

  it('keeps the full stop when the dotted form ends a sentence, and adds none twice', () => {
    const text = 'The U.S. agreed. The U.S. signed. Troops came from the US. The US left.';
    const found = names(text);
    expect(covered(text, found)).toEqual(['US', 'US']);
    expect(applySafeFixes(text, found).text).toBe('The U.S. agreed. The U.S. signed. Troops came from the U.S. The U.S. left.');
    const back = 'The US agreed. The US signed. They left the U.S. Then they came back.';
    expect(applySafeFixes(back, names(back)).text).toBe('The US agreed. The US signed. They left the US. Then they came back.');
  });

  it('follows names.preferred and names.distinct', () => {
    const text = 'Zelenskyy spoke. Zelenskyy again. Zelensky once.';
    const preferred = findingsOf('inconsistent-name', [doc('a.md', text)], namesConfig({ names: { preferred: ['Zelensky'] } })).get('a.md')!;
    expect(covered(text, preferred)).toEqual(['Zelenskyy', 'Zelenskyy']);
    expect(preferred[0]!.message).toContain('use the preferred form "Zelensky" (names.preferred)');
    const distinct = findingsOf('inconsistent-name', [doc('a.md', text)], namesConfig({ names: { distinct: [['Zelensky', 'Zelenskyy']] } })).get('a.md')!;
    expect(distinct).toEqual([]);
  });

  it('compares two-letter acronyms other than US/UK/EU/UN/DC within one document only', () => {
    const found = findingsOf('inconsistent-name', [doc('a.md', 'The bill H.R. 1 passed. H.R. 2 failed.'), doc('b.md', 'Ask HR about leave.')]);
    expect([...found.values()].flat()).toEqual([]);
  });
});

describe('traps: different names that must never be reported by any name rule', () => {
  const pairs = [
    ['Johnson', 'Johnston'],
    ['Waltz', 'Walz'],
    ['Russia', 'Russian'],
    ['Lavrov', 'Lavrova'],
    ['Sikorski', 'Sikorsky'],
    ['Iran', 'Iraq'],
    ['Austria', 'Australia'],
    ['Sudan', 'South Sudan'],
    ['Slovakia', 'Slovenia'],
  ] as const;

  for (const [common, rare] of pairs) {
    it(`${common} / ${rare}`, () => {
      // The common form three times (twice after a title, so it reads as a surname), the rare one once, alone and after the same title.
      const text =
        `Minister ${common} spoke on Monday. Later Minister ${common} met the press. Reporters asked ${common} about trade. ` +
        `The delegation then met ${rare} in the capital. Minister ${rare} replied.`;
      expect(allNameFindings([doc('trap.md', text)])).toEqual([]);
    });
  }
});

describe('fixes that settle a name in the project file', () => {
  const text = 'Zelenskyy spoke on Monday. Later Zelenskyy met allies. Critics of Zelensky disagreed.';

  it('offer "Prefer" (names.preferred) and "different names" (names.distinct), never as safe fixes', () => {
    const [finding] = names(text);
    const config = finding!.fixes!.filter((fix) => fix.config);
    expect(config).toEqual([
      {
        title: 'Prefer "Zelensky" in this project (names.preferred)',
        edits: [],
        safe: false,
        config: { key: 'names.preferred', value: 'Zelensky', replaces: ['Zelenskyy'] },
      },
      {
        title: '"Zelensky" and "Zelenskyy" are different names (names.distinct)',
        edits: [],
        safe: false,
        config: { key: 'names.distinct', value: ['Zelensky', 'Zelenskyy'] },
      },
    ]);
    // --fix must not see them: the safe fix stays the text change.
    expect(applySafeFixes(text, [finding!], 'a.md').text).toBe(text.replace('of Zelensky', 'of Zelenskyy'));
  });

  it('do what they say once the change is in the configuration', () => {
    const [finding] = names(text);
    const [prefer, distinct] = finding!.fixes!.filter((fix) => fix.config).map((fix) => fix.config!);
    const preferred = findingsOf('inconsistent-name', [doc('a.md', text)], namesConfig({ names: { preferred: [prefer!.value] } })).get('a.md')!;
    expect(covered(text, preferred)).toEqual(['Zelenskyy', 'Zelenskyy']);
    const apart = findingsOf('inconsistent-name', [doc('a.md', text)], namesConfig({ names: { distinct: [distinct!.value] } })).get('a.md')!;
    expect(apart).toEqual([]);
  });

  it('offer only "Prefer" for spellings, which are never different words', () => {
    const spelling = 'The defense budget grew. The defense review followed. Defence cuts were ruled out by the defense minister.';
    const found = findingsOf('inconsistent-spelling', [doc('a.md', spelling)]).get('a.md')!;
    expect(found.length).toBeGreaterThan(0);
    const config = found[0]!.fixes!.filter((fix) => fix.config).map((fix) => fix.config!.key);
    expect(config).toEqual(['names.preferred']);
  });
});
