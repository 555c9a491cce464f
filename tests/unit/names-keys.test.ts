import { describe, expect, it } from 'vitest';
import { findDefinitions, longFormStart, needsDefinition } from '../../server/src/engine/names/acronyms';
import {
  acronymKey,
  compoundNameKey,
  foldDiacritics,
  foldSlavicEnding,
  isAcronymShape,
  matchCase,
  nameWordKey,
  spellingFamily,
  splitAcronymPlural,
  splitPossessive,
} from '../../server/src/engine/names/normalize';
import { differsOnlyInEnding, editDistance, jaroWinkler } from '../../server/src/engine/names/similarity';
import { commonWords, compounds, nicknames, sameGivenName, ukToUs } from '../../server/src/engine/names/tables';

describe('deterministic keys', () => {
  it('folds diacritics, including letters NFD keeps whole', () => {
    expect(foldDiacritics('Erdoğan')).toBe('Erdogan');
    expect(foldDiacritics('Łukasz Wałęsa')).toBe('Lukasz Walesa');
    expect(foldDiacritics('Søren Kierkegaard')).toBe('Soren Kierkegaard');
    expect(foldDiacritics('plain')).toBe('plain');
  });

  it('folds Slavic surname endings -yy/-iy/-ii/-yi/-ij/-y to one key', () => {
    const keys = ['zelenskyy', 'zelensky', 'zelenskiy', 'zelenskyi', 'zelenskii', 'zelenskij'].map(foldSlavicEnding);
    expect(new Set(keys)).toEqual(new Set(['zelensk~']));
  });

  it('leaves a bare Polish -i, feminine forms and a bare stem apart', () => {
    expect(foldSlavicEnding('sikorski')).toBe('sikorski');
    expect(foldSlavicEnding('sikorsky')).not.toBe(foldSlavicEnding('sikorski'));
    expect(foldSlavicEnding('lavrova')).not.toBe(foldSlavicEnding('lavrov'));
    expect(foldSlavicEnding('zelenska')).not.toBe(foldSlavicEnding('zelensky'));
    expect(foldSlavicEnding('germany')).not.toBe('german');
  });

  it('keys name words by case, diacritics, endings and known transliterations', () => {
    expect(nameWordKey('Zelenskyy')).toBe(nameWordKey('ZELENSKIY'));
    expect(nameWordKey('Erdoğan')).toBe(nameWordKey('Erdogan'));
    expect(nameWordKey('Kiev')).toBe(nameWordKey('Kyiv'));
    expect(nameWordKey('Johnson')).not.toBe(nameWordKey('Johnston'));
    expect(compoundNameKey('Jean-Pierre')).toBe(compoundNameKey('Jean Pierre'));
  });

  it('keys acronyms by letters only', () => {
    expect(acronymKey('U.S.')).toBe(acronymKey('US'));
    expect(acronymKey('N.A.T.O.')).toBe(acronymKey('NATO'));
    expect(acronymKey('ARPA-E')).toBe('arpae');
    expect(isAcronymShape('DoD')).toBe(true);
    expect(isAcronymShape('McDonald')).toBe(false);
    expect(splitAcronymPlural('NGOs')).toEqual(['NGO', 1]);
    expect(splitPossessive('Russia’s')).toEqual(['Russia', 2]);
  });

  it('gives both spellings of a word one family', () => {
    expect(ukToUs().get('defence')).toBe('defense');
    expect(ukToUs().get('organisations')).toBe('organizations');
    expect(spellingFamily('organizations')).toBe(spellingFamily('organization'));
    expect(spellingFamily('defenses')).toBe(spellingFamily('defense'));
    // British English uses both "practice" and "practise": never a pair.
    expect(ukToUs().has('practise')).toBe(false);
    expect(ukToUs().has('licence')).toBe(false);
    expect(compounds().get('ceasefire')).toMatchObject({ split: 5, spaced: true });
  });

  it('relates nicknames to full names, and only those', () => {
    expect(sameGivenName('mike', 'michael')).toBe(true);
    expect(sameGivenName('bill', 'william')).toBe(true);
    expect(sameGivenName('bill', 'robert')).toBe(false);
    expect(sameGivenName('ian', 'john')).toBe(false);
    expect(nicknames().size).toBeGreaterThan(500);
    expect(commonWords().has('the')).toBe(true);
  });

  it('keeps capitalisation when replacing', () => {
    expect(matchCase('Defence', 'defense')).toBe('Defense');
    expect(matchCase('defence', 'defense')).toBe('defense');
  });
});

describe('similarity', () => {
  it('measures edits with adjacent transpositions', () => {
    expect(editDistance('hegseth', 'hegsith')).toBe(1);
    expect(editDistance('hegseth', 'hesgeth')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('scores Jaro–Winkler in [0, 1]', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('same', 'same')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('sees endings: nationality, gender, a last letter', () => {
    for (const [a, b] of [['russia', 'russian'], ['lavrov', 'lavrova'], ['iran', 'iraq'], ['sikorski', 'sikorsky'], ['austria', 'australia'], ['johnson', 'johnston']]) {
      expect(differsOnlyInEnding(a!, b!)).toBe(true);
    }
    expect(differsOnlyInEnding('hegseth', 'hegsith')).toBe(false);
  });
});

describe('acronym definitions', () => {
  const defs = (text: string) => findDefinitions(text).map((d) => [d.acronym, d.long, text.slice(d.start, d.end)]);

  it('finds "Long Form (ACR)" with lower-case function words', () => {
    expect(defs('Members of the North Atlantic Treaty Organization (NATO) met.')).toEqual([
      ['NATO', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organization (NATO)'],
    ]);
    expect(defs('the Department of Defense (DoD) said')).toEqual([['DoD', 'Department of Defense', 'Department of Defense (DoD)']]);
    expect(defs('the NASA Office of Inspector General (OIG) reported')[0]![1]).toBe('Office of Inspector General');
    expect(defs("the People's Republic of China (PRC or China) grew")[0]!.slice(0, 2)).toEqual(['PRC', "People's Republic of China"]);
    expect(defs('a "waste emissions charge" (WEC) for methane')[0]!.slice(0, 2)).toEqual(['WEC', 'waste emissions charge']);
    expect(defs('the U.S. Agency for International Development (USAID) runs')[0]![1]).toBe('U.S. Agency for International Development');
  });

  it('finds "ACR (Long Form)" and bracketed acronyms', () => {
    expect(defs('NATO (North Atlantic Treaty Organization) met.')).toEqual([
      ['NATO', 'North Atlantic Treaty Organization', 'NATO (North Atlantic Treaty Organization)'],
    ]);
    expect(defs('at the National Training Center [NTC] at Fort Irwin')[0]!.slice(0, 2)).toEqual(['NTC', 'National Training Center']);
  });

  it('ignores parentheses that define nothing', () => {
    expect(defs('Russia (and others) objected (see Figure 2).')).toEqual([]);
    expect(defs('Senator Smith (R-TX) spoke.')).toEqual([]);
    expect(defs('a long sentence about something else (GAO) here')).toEqual([]);
    expect(longFormStart('NATO', 'nothing at all')).toBe(-1);
  });

  it('needs no definition for well-known, configured, numeric, Roman or postal forms', () => {
    const known = new Set(['XYZ']);
    for (const acronym of ['US', 'NATO', 'GDP', 'XYZ', 'F35', 'IV', 'XII', 'TX', 'NOT', 'WAREHOUSING']) expect(needsDefinition(acronym, known)).toBe(false);
    for (const acronym of ['GAO', 'CBO', 'WEC']) expect(needsDefinition(acronym, known)).toBe(true);
  });
});
