// How the claim rules fit the engine: block kinds, "Source:" lines,
// continuation across sentences, configuration, severities, caching and
// linear-time scanning.
import { describe, expect, it } from 'vitest';
import { analyzeBlock, analyzeBlockUncached } from '../../server/src/engine/claims/analysis';
import { claimsFingerprint, inflect, lexiconFor } from '../../server/src/engine/claims/lexicon/index';
import { isCitationParenthesis } from '../../server/src/engine/claims/markers';
import { expandPattern } from '../../server/src/engine/claims/phrases';
import { tokenize } from '../../server/src/engine/claims/tokens';
import { parseDocument } from '../../server/src/engine/document/parse';
import { DEFAULT_CONFIG, Linter, RULES } from '../../server/src/engine/index';
import { claimFindings, config, summarize } from './claims-helpers';
import { doc } from './helpers';

describe('claim rules in the engine', () => {
  it('registers the three rules with their default severities', () => {
    const meta = Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity]));
    expect(meta['vague-attribution']).toBe('warning');
    expect(meta['unsourced-statistic']).toBe('warning');
    expect(meta['unattributed-claim']).toBe('info');
  });

  it('reads paragraphs, list items and quotes, not headings or footnote texts', () => {
    expect(summarize('- Exports fell 30% in 2023.')).toEqual(['unsourced-statistic: 30%']);
    expect(summarize('> Exports fell 30% in 2023.')).toEqual(['unsourced-statistic: 30%']);
    expect(summarize('## Exports fell 30% in 2023')).toEqual([]);
    expect(summarize('See the note.[^1]\n\n[^1]: Exports fell 30% in 2023.')).toEqual([]);
  });

  it('credits a block to a "Source:" line inside it or right after it (past "Note:" lines)', () => {
    expect(summarize('Exports fell 30% in 2023.\n\nSource: Commerce Department.')).toEqual([]);
    expect(summarize('Exports fell 30% in 2023.\n\nNote: Seasonally adjusted.\n\n**Source:** Commerce Department.')).toEqual([]);
    expect(summarize('Exports fell 30% in 2023.\nSource: Census Bureau.', 'a.txt')).toEqual([]);
    // A source line credits only the block just before it.
    expect(summarize('Imports rose 12% in 2023.\n\nExports fell 30% in 2023.\n\nSource: Commerce Department.')).toEqual([
      'unsourced-statistic: 12%',
    ]);
  });

  it('continues attributions within a paragraph, but not across paragraphs', () => {
    expect(summarize('Experts said the ceasefire would hold. They added that violations had doubled since May.')).toEqual([
      'vague-attribution: Experts',
    ]);
    expect(summarize('The agency released its audit. It found that 40% of claims were late.')).toEqual([]);
    expect(summarize('The agency released its audit.\n\nIn 2023, 40% of claims were late.')).toEqual(['unsourced-statistic: 40%']);
    // "Others" after a named group is that group; at the start of a paragraph it names no one.
    expect(summarize('Several participants noted rising risks. Others argued that the risks were balanced.')).toEqual([]);
    expect(summarize('Others argued that the risks were balanced.')).toEqual(['vague-attribution: Others']);
  });

  it('reports one finding per sentence: a vague source before its figures, figures before cues', () => {
    expect(summarize('Analysts estimate that 60% of the debt is held abroad.')).toEqual(['vague-attribution: Analysts']);
    expect(summarize('Tariffs are the main reason for the 30% drop in trade.')).toEqual(['unsourced-statistic: 30%']);
    const [finding] = claimFindings('Exports fell by $3 billion and imports by 4%.');
    expect(finding!.message).toBe('Figures "$3 billion" and "4%" are stated with no source in reach: cite where they come from.');
  });

  it('puts the citation placeholder right after the sentence', () => {
    const text = 'First, prices rose. Studies show that rents doubled. Then wages rose.';
    const [finding] = claimFindings(text);
    expect(finding!.ruleId).toBe('vague-attribution');
    expect(finding!.message).toBe('Claim credited to unnamed "studies": name the source or cite it.');
    const fix = finding!.fixes!.find((f) => f.title === 'Insert citation placeholder')!;
    expect(fix.edits[0]!.range).toEqual([text.indexOf(' Then'), text.indexOf(' Then')]);
    expect(fix.edits[0]!.newText).toBe(' [citation needed]');
  });

  it('extends the lexicons from configuration', () => {
    const vague = config({ claims: { vagueSources: ['well-placed figures'] } });
    expect(summarize('Well-placed figures in the capital expect a deal soon.')).toEqual([]);
    expect(summarize('Well-placed figures in the capital expect a deal soon.', 'a.md', vague)).toEqual([
      'vague-attribution: Well-placed figures',
    ]);

    const trusted = config({ claims: { trustedSources: ['local monitors'] } });
    const monitors = 'On Monday, local monitors estimated that 340 homes were damaged.';
    expect(summarize(monitors)).toEqual(['unsourced-statistic: 340 homes']);
    expect(summarize(monitors, 'a.md', trusted)).toEqual([]);

    const verbs = config({ claims: { reportingVerbs: ['opined'] } });
    const opined = 'The Attorney General opined that fees rose 12%.';
    expect(summarize(opined)).toEqual(['unsourced-statistic: 12%']);
    expect(summarize(opined, 'a.md', verbs)).toEqual([]);
  });

  it('follows the configured severity and can be turned off', () => {
    const text = 'Experts say exports fell 30%. The sanctions have failed.';
    const errors = config({ rules: { 'vague-attribution': 'error', 'unattributed-claim': 'off' } });
    expect(claimFindings(text, 'a.md', errors).map((f) => [f.ruleId, f.severity])).toEqual([['vague-attribution', 'error']]);
  });

  it('gives the same findings from the cache as from a fresh analysis', () => {
    const linter = new Linter();
    const docs = [doc('a.md', 'Experts say exports fell 30%.\n\nThe sanctions have failed.'), doc('b.txt', 'Exports fell by $3 billion.')];
    const first = linter.lint(docs);
    const second = linter.lint(docs);
    expect(second).toEqual(first);
    for (const block of parseDocument(docs[0]!).prose) {
      expect(analyzeBlock(block, DEFAULT_CONFIG.claims)).toEqual(analyzeBlockUncached(block, lexiconFor(DEFAULT_CONFIG.claims)));
    }
    // A configuration change is part of the key: the same text is analysed again.
    const text = 'Well-placed figures expect a deal.';
    expect(summarize(text)).toEqual([]);
    expect(summarize(text, 'a.md', config({ claims: { vagueSources: ['well-placed figures'] } }))).toHaveLength(1);
    expect(summarize(text)).toEqual([]);
  });

  it('analyses adversarial paragraphs in linear time', () => {
    const nasty = [
      `(${'Smith and '.repeat(4000)}2021`,
      `[${'1, '.repeat(5000)}`,
      `${'U.S.'.repeat(5000)} ${'1,000,'.repeat(5000)}`,
      `"${'experts say '.repeat(3000)}`,
      `${'the '.repeat(20000)}main reasons for`,
      `${'Critics, '.repeat(5000)}argue.`,
    ];
    const lexicon = lexiconFor(DEFAULT_CONFIG.claims);
    for (const text of nasty) {
      // Parsing is not under test here; time the claim analysis alone.
      const [block] = parseDocument(doc('a.txt', text)).prose;
      const started = Date.now();
      analyzeBlockUncached(block!, lexicon);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});

describe('claim analysis building blocks', () => {
  it('keeps abbreviations, possessives, digit groups and hyphenated ranks whole', () => {
    expect(tokenize("The U.S. and NATO's 1,718 warheads, the second-largest stock.").text).toEqual([
      'The', 'U.S.', 'and', "NATO's", '1,718', 'warheads', ',', 'the', 'second-largest', 'stock', '.',
    ]);
    const quoted = tokenize('He said “the plan failed” today.');
    expect(quoted.text.filter((_, i) => quoted.quoted[i] === 1)).toEqual(['the', 'plan', 'failed']);
  });

  it('expands lexicon patterns with alternatives and optional slots', () => {
    expect(expandPattern('{is|are} {|widely} seen as')).toEqual([
      ['is', 'seen', 'as'],
      ['is', 'widely', 'seen', 'as'],
      ['are', 'seen', 'as'],
      ['are', 'widely', 'seen', 'as'],
    ]);
  });

  it('inflects configured reporting verbs from any form', () => {
    expect(inflect('opined')).toEqual(expect.arrayContaining(['opine', 'opines', 'opined']));
    expect(inflect('testify')).toEqual(expect.arrayContaining(['testifies', 'testified']));
  });
});

describe('citation markers and configuration identity', () => {
  it('tells author-year citations from dates and periods in parentheses', () => {
    for (const cite of ['Smith 2021', 'Smith and Jones 2021', 'Smith et al. 2021', 'GAO, 2023', 'GAO 2023, p. 4', 'see World Bank 2020a', 'P.L. 117-58', '42 U.S.C. §1395']) {
      expect(isCitationParenthesis(cite)).toBe(true);
    }
    for (const other of ['March 2021', 'in 2021', 'FY2024', '2021', 'the Committee, 2019', 'about 40%']) {
      expect(isCitationParenthesis(other)).toBe(false);
    }
  });

  it('fingerprints the claims settings regardless of order and duplicates', () => {
    const a = claimsFingerprint({ vagueSources: ['b', 'a'], trustedSources: [], reportingVerbs: ['opined'] });
    const b = claimsFingerprint({ vagueSources: ['a', 'b', 'a'], trustedSources: [], reportingVerbs: [' opined '] });
    expect(a).toBe(b);
    expect(a).not.toBe(claimsFingerprint(DEFAULT_CONFIG.claims));
  });
});
