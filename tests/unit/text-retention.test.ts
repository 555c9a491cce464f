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

describe('what the engine keeps of old texts', () => {
  it('does not keep a copy of the document per edit inside a paragraph parsed in pieces', () => {
    clearContentCaches();
    const head = filler(1_000_000);
    const list = footnoteList(200);
    const tail = filler(200_000);
    const linter = new Linter();
    const uri = 'file:///retention.md';
    const lint = (text: string): void => {
      linter.lint([{ uri, languageId: 'markdown', text }]);
    };
    // A first version and a first edit, so the caches hold what any edit keeps before the baseline.
    lint(`${head}\n\n${list}\n\n${tail}`);
    lint(`${head}\n\n${list.replace('| 1. | Office', '| 1. | The Office')}\n\n${tail}`);
    const before = heapAfterCollection();
    const edits = 30;
    for (let k = 0; k < edits; k++) {
      // One letter inserted at a different footnote each time: a new piece of the list, in a new text.
      const at = list.indexOf(`| ${5 * k + 3}. |`);
      lint(`${head}\n\n${list.slice(0, at)}x${list.slice(at)}\n\n${tail}`);
    }
    const grown = heapAfterCollection() - before;
    const documentBytes = head.length + list.length + tail.length;
    // Thirty pinned texts would be at least thirty times the document's length (39 MB measured when piece entries
    // pinned their texts); what the caches rightly keep of the new versions of the list is about 7 MB.
    expect(grown).toBeLessThan((edits / 3) * documentBytes);
  });
});
