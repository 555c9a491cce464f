import { describe, expect, it } from 'vitest';
import { applyEdits, fixesToOffer, lineFixSource, lintDocuments, type Finding, type Fix } from '../../server/src/engine/index';
import { doc } from './helpers';

/** The "Disable … for this line" fix an editor or a report offers for `finding` of the document `uri` with `text`. */
function disableFix(uri: string, text: string, finding: Finding): Fix | undefined {
  return fixesToOffer(lineFixSource(text, doc(uri, text).languageId), finding).find((f) => f.title.startsWith('Disable'));
}

const ids = (text: string, uri = 'a.md') =>
  lintDocuments([doc(uri, text)])[0]!.findings.map((f) => `${f.ruleId}@${text.slice(0, f.range[0]).split('\n').length}`);

describe('inline directives', () => {
  it('disables all rules, or named ones, for a region', () => {
    const text = 'the the a.\n\n<!-- policylint-disable -->\n\nthe the b.\n\n<!-- policylint-enable -->\n\nthe the c.\n';
    expect(ids(text)).toEqual(['repeated-word@1', 'repeated-word@9']);
    const named = 'x <!-- policylint-disable repeated-word -->\n\nthe the b.\n\n<!-- policylint-enable repeated-word -->\n\nthe the c.\n';
    expect(ids(named)).toEqual(['repeated-word@7']);
  });

  it('re-enables one rule inside a disable-all region', () => {
    const text = '<!-- policylint-disable -->\n<!-- policylint-enable repeated-word -->\n\nthe the b.\n';
    expect(ids(text)).toEqual(['repeated-word@4']);
  });

  it('disables the current line or the next line', () => {
    expect(ids('the the a. <!-- policylint-disable-line -->\nthe the b.\n')).toEqual(['repeated-word@2']);
    expect(ids('<!-- policylint-disable-next-line repeated-word -- known quote -->\nthe the a.\n\nthe the b.\n')).toEqual(['repeated-word@4']);
    expect(ids('<!-- policylint-disable-next-line repeated-paragraph -->\nthe the a.\n')).toEqual(['repeated-word@2']);
  });

  it('puts the "disable for this line" comment at the end of the line, whatever the line breaks', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      for (const text of [`Intro.${eol}${eol}the the a, then a long line ${'of words '.repeat(200)}end.${eol}Next.${eol}`, `Intro.${eol}${eol}the the last line`]) {
        const finding = lintDocuments([doc('a.md', text)])[0]!.findings.find((f) => f.ruleId === 'repeated-word')!;
        const fix = disableFix('a.md', text, finding)!;
        expect(fix.title).toBe('Disable repeated-word for this line');
        const fixed = applyEdits(text, fix.edits);
        const line = fixed.split(/\r\n|\r|\n/)[2]!;
        expect(line.startsWith('the the')).toBe(true);
        expect(line.endsWith(' <!-- policylint-disable-line repeated-word -->')).toBe(true);
        expect(lintDocuments([doc('a.md', fixed)])[0]!.findings.some((f) => f.ruleId === 'repeated-word')).toBe(false);
      }
    }
  });

  it('works in plain text on lines of their own', () => {
    expect(ids('<!-- policylint-disable-next-line -->\nthe the a.\nthe the b.\n', 'a.txt')).toEqual(['repeated-word@3']);
  });

  it('reports unknown rules and directives without disabling everything', () => {
    const text = '<!-- policylint-disable no-such-rule -->\n\n<!-- policylint-disabel -->\n\nthe the a.\n';
    const found = lintDocuments([doc('a.md', text)])[0]!.findings;
    expect(found.map((f) => [f.ruleId, text.slice(...f.range)])).toEqual([
      ['invalid-directive', '<!-- policylint-disable no-such-rule -->'],
      ['invalid-directive', '<!-- policylint-disabel -->'],
      ['repeated-word', 'the the'],
    ]);
    expect(found[0]!.message).toMatch(/Unknown rule "no-such-rule"/);
    // No directive can silence a broken directive, so none is offered.
    expect(disableFix('a.md', text, found[0]!)).toBeUndefined();
  });

  it('ignores directive-like text in code', () => {
    expect(ids('```\n<!-- policylint-disable -->\n```\n\nthe the a.\n')).toEqual(['repeated-word@5']);
  });

  it('offers a "Disable for this line" fix that really disables the finding', () => {
    for (const uri of ['a.md', 'a.txt']) {
      const text = 'First line.\nWe met the the minister.\n';
      const [finding] = lintDocuments([doc(uri, text)])[0]!.findings;
      const fix = disableFix(uri, text, finding!)!;
      expect(fix.title).toBe('Disable repeated-word for this line');
      expect(fix.safe).toBe(false);
      // Offered after the finding's own fixes, which the engine's finding carries without it.
      expect(fixesToOffer(lineFixSource(text, doc(uri, text).languageId), finding!)).toEqual([...finding!.fixes!, fix]);
      expect(finding!.fixes!.some((f) => f.title.startsWith('Disable'))).toBe(false);
      const fixed = applyEdits(text, fix.edits);
      expect(lintDocuments([doc(uri, fixed)])[0]!.findings).toEqual([]);
    }
  });
});

describe('disable fix line breaks', () => {
  it('uses the document own line break in plain text', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `First line.${eol}We met the the minister.${eol}`;
      const [finding] = lintDocuments([doc('a.txt', text)])[0]!.findings;
      const fix = disableFix('a.txt', text, finding!)!;
      expect(fix.edits[0]!.newText).toBe(`<!-- policylint-disable-next-line repeated-word -->${eol}`);
    }
  });
});
