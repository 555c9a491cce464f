import { describe, expect, it } from 'vitest';
import { Linter } from '../../server/src/engine/index';
import { doc } from './helpers';
import { allNameFindings, covered, findingsOf, namesConfig } from './names-helpers';

const typos = (text: string, config = namesConfig()) => findingsOf('possible-name-typo', [doc('a.md', text)], config).get('a.md')!;

describe('possible-name-typo', () => {
  const common = 'Defense Secretary Pete Hegseth spoke on Monday. Later Hegseth met the press. Reporters asked Hegseth about Ukraine. ';

  it('hints at a rare surname one edit from a common one with the same given name', () => {
    const text = `${common}Then Pete Hegsith left.`;
    const found = typos(text);
    expect(covered(text, found)).toEqual(['Hegsith']);
    expect(found[0]!.severity).toBe('hint');
    expect(found[0]!.message).toBe('"Hegsith" may be a misspelling of "Hegseth" (3× in this document set, first on line 1).');
    expect(found[0]!.fixes![0]).toMatchObject({ title: 'Change to "Hegseth"', safe: false });
    expect(allNameFindings([doc('a.md', text)]).map((f) => f.ruleId)).toEqual(['possible-name-typo']);
  });

  it('hints at the surname alone, in running text', () => {
    const text = `${common}The reporters then asked Hegsith again.`;
    expect(covered(text, typos(text))).toEqual(['Hegsith']);
  });

  it('stays silent under any failed gate', () => {
    // Common form only twice.
    expect(typos('Pete Hegseth spoke. Hegseth left. Then Pete Hegsith returned.')).toEqual([]);
    // Rare form three times.
    expect(typos(`${common}Hegsith one. Hegsith two. Hegsith three.`)).toEqual([]);
    // Another given name: another person.
    expect(typos(`${common}Then Mark Hegsith left.`)).toEqual([]);
    // A common noun is no surname to misspell.
    expect(typos('The Employment report. The Employment data. The Employment index. The Deployment plan.')).toEqual([]);
    // Declared different.
    expect(typos(`${common}Then Pete Hegsith left.`, namesConfig({ names: { distinct: [['Hegseth', 'Hegsith']] } }))).toEqual([]);
  });
});

describe('possible-name-typo across a set, run after run', () => {
  it('moves the hint\'s related locations when an edit moves the common form, in another document', () => {
    const linter = new Linter();
    const common = 'Defense Secretary Pete Hegseth spoke on Monday.\n\nLater Hegseth met the press.\n\nReporters asked Hegseth about Ukraine.';
    const rare = doc('a.md', 'Then Pete Hegsith left.');
    linter.lint([rare, doc('b.md', common)]);
    // A paragraph before every Hegseth of b.md: the rare form's hint is unchanged, but where it points moved.
    const set = [rare, doc('b.md', `A new first paragraph.\n\n${common}`)];
    const hint = (results: ReturnType<Linter['lint']>) => results.find((r) => r.uri === 'a.md')!.findings.find((f) => f.ruleId === 'possible-name-typo')!;
    const again = hint(linter.lint(set));
    expect(again).toEqual(hint(new Linter().lint(set)));
    expect(again.message).toContain('first on line 3 of b.md');
  });
});
