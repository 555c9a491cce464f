import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/index';
import { doc } from './helpers';
import { covered, findingsOf, namesConfig } from './names-helpers';

const rule = (id: string, text: string, config = namesConfig()) => findingsOf(id, [doc('a.md', text)], config).get('a.md')!;

describe('acronym-before-definition', () => {
  it('reports the first use before "Full Name (ACR)" and offers to move the definition', () => {
    const text = 'The GAO found gaps. Later the GAO said more.\n\nThe Government Accountability Office (GAO) reported in May.';
    const found = rule('acronym-before-definition', text);
    expect(covered(text, found)).toEqual(['GAO']);
    expect(found[0]!.message).toBe(
      '"GAO" is used 2× (first here) before it is defined on line 3 ("Government Accountability Office (GAO)"); define it at its first use.',
    );
    expect(applyEdits(text, found[0]!.fixes![0]!.edits)).toBe(
      'The Government Accountability Office (GAO) found gaps. Later the GAO said more.\n\nThe GAO reported in May.',
    );
  });

  it('accepts definitions in either order, and headings before them', () => {
    expect(rule('acronym-before-definition', '# GAO Findings\n\nThe Government Accountability Office (GAO) reported. GAO said.')).toEqual([]);
    expect(rule('acronym-before-definition', 'GAO (Government Accountability Office) reported. The GAO said.')).toEqual([]);
  });
});

describe('acronym-redefined', () => {
  it('reports a second definition, the same way or two different ways', () => {
    const text =
      'The Congressional Budget Office (CBO) scored it. CBO said so.\n\nLater the Congressional Budget Office (CBO) agreed.\n\n' +
      'The Central Bank of Oman (CBO) disagreed.';
    const found = rule('acronym-redefined', text);
    expect(covered(text, found)).toEqual(['Congressional Budget Office (CBO)', 'Central Bank of Oman (CBO)']);
    expect(found[0]!.message).toBe('"CBO" is defined again; it was already defined on line 1. Use "CBO" alone here.');
    expect(found[1]!.message).toBe('"CBO" is defined two ways: "Congressional Budget Office" on line 1 and "Central Bank of Oman" here. Use one meaning, or another acronym.');
  });

  it('does not count plural, possessive or "of <year>" differences, or captions that repeat a definition', () => {
    const text =
      'The Revolving Loan Funds (RLF) grew. The Revolving Loan Fund (RLF) program too.\n\n' +
      'Table 1. Revolving Loan Fund (RLF) Awards\n\nThe Uniformed Voting Act (UVA) and the Uniformed Voting Act of 1986 (UVA) differ not.';
    const found = rule('acronym-redefined', text);
    expect(found.every((f) => f.message.includes('defined again'))).toBe(true);
    expect(found).toHaveLength(2);
  });
});

describe('acronym-undefined', () => {
  it('reports an acronym never defined, once, at its first use', () => {
    const text = 'The GAO found gaps. The GAO said more. The CBO agreed.';
    const found = rule('acronym-undefined', text);
    expect(covered(text, found)).toEqual(['GAO', 'CBO']);
    expect(found[0]!.severity).toBe('info');
    expect(found[0]!.message).toBe('"GAO" is not defined in this document (used 2×). Spell it out at its first use, followed by "(GAO)".');
  });

  it('needs no definition for well-known, configured, Roman, postal, numeric and shouted forms', () => {
    const text =
      '## THE PLAN FOR AMERICA\n\nThe US, the UK, the EU and NATO agreed on GDP targets. World War II ended. Sen. Cruz (R-TX) spoke. ' +
      'The F-35 and COVID-19 matter. This is NOT optional. The XYZ group met.';
    expect(rule('acronym-undefined', text, namesConfig({ acronyms: { known: ['XYZ'] } }))).toEqual([]);
  });

  it('reads hyphenated acronyms whole and long forms with a colon or a one-word aside', () => {
    const text =
      'The Safe, Accountable, Flexible, Efficient Transportation Equity Act: A Legacy for Users (SAFETEA-LU) passed. SAFETEA-LU expired.\n\n' +
      'The standing repurchase agreement (repo) facility (SRF) opened. The SRF grew.\n\n' +
      'Rules for global systemically important banks (G-SIBs) changed. Each G-SIB must comply. Sen. Cruz (R-TX) objected.';
    expect(rule('acronym-undefined', text)).toEqual([]);
  });

  it('does not ask to spell out bill titles, code citations or report cross-references', () => {
    expect(rule('acronym-undefined', 'The President signed the PACT Act. It amends 33 USC 408. See CRS Report R46687 for more. It fired an SM - 6.')).toEqual([]);
    expect(rule('acronym-undefined', "See the U.S. Trade Representative's (USTR's) report. USTR agreed.")).toEqual([]);
  });

  it('reads a bracketed definition inside parentheses', () => {
    const text = 'It got less than it asked for (research, development, test, and evaluation [RDT&E]). RDT&E grew.';
    expect(rule('acronym-undefined', text)).toEqual([]);
  });

  it('names the definition found in another file of the set and offers it', () => {
    const found = findingsOf('acronym-undefined', [
      doc('a.md', 'The Government Accountability Office (GAO) reported.'),
      doc('b.md', 'The GAO said more.'),
    ]);
    expect(found.get('a.md')).toEqual([]);
    const [finding] = found.get('b.md')!;
    expect(finding!.message).toBe('"GAO" is not defined in this document. It is defined in a.md as "Government Accountability Office".');
    expect(applyEdits('The GAO said more.', finding!.fixes![0]!.edits)).toBe('The Government Accountability Office (GAO) said more.');
  });
});
