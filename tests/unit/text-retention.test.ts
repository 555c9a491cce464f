import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { clearContentCaches, Linter } from '../../server/src/engine/index';

/**
 * V8 keeps a substring of 13 characters or more as a view of the string it
 * was cut from, so a cache entry built from a slice of a document's text
 * keeps that whole text alive for as long as the entry lives. An editor makes
 * a new text per keystroke: an entry per keystroke that pins its text is a
 * copy of the document per keystroke. These tests edit a large document many
 * times and measure what stays on the heap after a full collection.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A CRS-style footnote list: one paragraph of "| n. | ..." lines, long enough to be parsed in pieces. */
function footnoteList(count: number): string {
  const lines: string[] = [];
  for (let n = 1; n <= count; n++) {
    // A code span in the first footnote: the list as a whole then takes the parser, in pieces, while its other
    // pieces take the plain-paragraph path.
    const title = n === 1 ? 'Analytical Perspectives, table `AP-1`' : 'Analytical Perspectives';
    lines.push(`| ${n}. | Office of Management and Budget, ${title}, Fiscal Year ${2000 + (n % 25)} Budget, p. ${n * 3}. See also the agency's annual report for ${1990 + (n % 30)}, at https://example.gov/report-${n}.`);
  }
  return lines.join('\n');
}

/** About `bytes` of ordinary paragraphs (each distinct), so the document's text is large next to what an edit changes. */
function filler(bytes: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const paragraph = `Paragraph ${n} sets out how the programme number ${n} would be funded over the ${n % 7 + 2} years of the plan, and which office answers for it.`;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** Lints a large document, then `edits` versions of it with one letter inserted in `list`, each at a different footnote; returns how much the heap grew over the edits. */
function growthOverEdits(list: string, marker: (k: number) => string, edits: number, languageId: 'markdown' | 'plaintext' = 'markdown'): { grown: number; documentBytes: number } {
  clearContentCaches();
  const head = filler(2_000_000);
  const tail = filler(200_000);
  const linter = new Linter();
  const uri = 'file:///retention.md';
  const lint = (text: string): void => {
    linter.lint([{ uri, languageId, text }]);
  };
  // A first version and a first edit, so the caches hold what any edit keeps before the baseline.
  lint(`${head}\n\n${list}\n\n${tail}`);
  lint(`${head}\n\n${list.replace('Office', 'The Office')}\n\n${tail}`);
  const before = heapAfterCollection();
  for (let k = 0; k < edits; k++) {
    // One letter inserted at a different footnote each time: a new piece of the list, in a new text.
    const at = list.indexOf(marker(3 * k + 2));
    if (at < 0) throw new Error(`no footnote ${3 * k + 2} in the list`);
    lint(`${head}\n\n${list.slice(0, at)}x${list.slice(at)}\n\n${tail}`);
  }
  return { grown: heapAfterCollection() - before, documentBytes: head.length + list.length + tail.length };
}

describe('what the engine keeps of old texts', () => {
  // A pinned text per edit is at least the document's length per edit (2.2 MB; 58-72 MB over the 30 edits when the
  // parse caches pinned them); what the caches rightly keep of each new version of the list is under a tenth of that
  // (4.6-5.8 MB in all: they keep recent versions, up to a bound in characters).
  const edits = 30;
  const bound = (documentBytes: number): number => (edits * documentBytes) / 4;

  it('does not keep a copy of the document per edit inside a paragraph parsed in pieces', () => {
    const { grown, documentBytes } = growthOverEdits(footnoteList(100), (n) => `| ${n}. |`, edits);
    expect(grown).toBeLessThan(bound(documentBytes));
  });

  it('does not keep a copy of the document per edit inside a long list parsed item by item', () => {
    const items = footnoteList(100)
      .split('\n')
      .map((line) => line.replace(/^\| (\d+)\. \|/, '- Note $1:'))
      .join('\n');
    const { grown, documentBytes } = growthOverEdits(items, (n) => `- Note ${n}:`, edits);
    expect(grown).toBeLessThan(bound(documentBytes));
  });

  it('does not keep a copy of a plain-text document per edit', () => {
    const { grown, documentBytes } = growthOverEdits(footnoteList(100), (n) => `| ${n}. |`, edits, 'plaintext');
    // Each footnote is a paragraph of its own here (its line is too long to be hard-wrapped), so an edit makes one
    // short new entry: about 0.1 MB in all, against 44 MB when each new paragraph kept its text.
    expect(grown).toBeLessThan(bound(documentBytes) / 4);
  });
});
