/**
 * repeated-paragraph: a prose paragraph that repeats an earlier one, in the
 * same document or an earlier document of the set.
 */
import type { ParsedDocument, ProseBlock } from '../document/model';
import { OBJECT_MASK } from '../document/model';
import { lineNumberAt } from '../document/lines';
import { countWords, foldForComparison } from '../document/words';
import type { Finding, OffsetRange, RelatedLocation } from '../types';
import type { RuleContext, SetRule } from './rule';

interface Occurrence {
  readonly doc: ParsedDocument;
  readonly block: ProseBlock;
}

/**
 * The text two copies are compared on: the prose view, with masked spans
 * (inline code, URLs) restored from the source and link targets appended, so
 * that paragraphs differing only in a link target are not "identical".
 */
function comparable(doc: ParsedDocument, block: ProseBlock): string {
  const source = doc.text.slice(block.range[0], block.range[1]);
  let out = '';
  for (let i = 0; i < block.prose.length; i++) out += block.prose[i] === OBJECT_MASK ? source[i] : block.prose[i];
  const targets = block.inlines.filter((span) => span.kind === 'link').map((span) => span.url);
  return foldForComparison(out) + (targets.length > 0 ? `\u0001${targets.join('\u0001')}` : '');
}

function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || uri;
}

function where(first: Occurrence, later: Occurrence): string {
  const line = lineNumberAt(first.doc.lineStarts, first.block.range[0]);
  return first.doc.uri === later.doc.uri ? `line ${line}` : `line ${line} of ${baseName(first.doc.uri)}`;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function isBlankBetween(text: string, start: number, end: number): boolean {
  return text.slice(start, end).trim().length === 0;
}

/**
 * The range that deletes the paragraph and one separating blank line and
 * nothing else, or undefined when the paragraph shares its lines with other
 * markup (a list marker, a quote prefix) and deleting it alone is not safe.
 */
export function paragraphDeletionRange(text: string, range: OffsetRange): OffsetRange | undefined {
  let lineStart = range[0];
  while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  if (!isBlankBetween(text, lineStart, range[0])) return undefined;
  let lineEnd = range[1];
  while (lineEnd < text.length && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
  if (!isBlankBetween(text, range[1], lineEnd)) return undefined;
  const bomEnd = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (lineStart > bomEnd) {
    // Take the line break before the paragraph, and one blank line before that.
    let start = lineStart - 1;
    if (text.charCodeAt(start) === 10 && text.charCodeAt(start - 1) === 13) start--;
    let blankStart = start;
    while (blankStart > 0 && !isLineBreak(text.charCodeAt(blankStart - 1))) blankStart--;
    if (blankStart > 0 && isBlankBetween(text, blankStart, start)) {
      start = blankStart - 1;
      if (text.charCodeAt(start) === 10 && text.charCodeAt(start - 1) === 13) start--;
    }
    return [start, lineEnd];
  }
  // The first paragraph of the file: take its line break and one blank line after it.
  let end = lineEnd;
  for (let breaks = 0; breaks < 2 && end < text.length; breaks++) {
    if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) end += 2;
    else if (isLineBreak(text.charCodeAt(end))) end++;
    let next = end;
    while (next < text.length && !isLineBreak(text.charCodeAt(next))) next++;
    if (!isBlankBetween(text, end, next)) break;
    end = next;
  }
  return [Math.max(lineStart, bomEnd), end];
}

export const repeatedParagraph: SetRule = {
  id: 'repeated-paragraph',
  scope: 'set',
  check(documents: readonly ParsedDocument[], context: RuleContext): Map<string, Finding[]> {
    const findings = new Map<string, Finding[]>();
    const seen = new Map<string, Occurrence[]>();
    for (const doc of documents) {
      for (const block of doc.prose) {
        if (block.kind !== 'paragraph') continue;
        if (countWords(block.prose) < context.config.repeated.minWords) continue;
        // List items and quotes are compared only with their own kind.
        const key = `${block.container}\u0000${comparable(doc, block)}`;
        const earlier = seen.get(key);
        const here: Occurrence = { doc, block };
        if (!earlier) {
          seen.set(key, [here]);
          continue;
        }
        const related: RelatedLocation[] = earlier.map((copy) => ({
          uri: copy.doc.uri,
          range: copy.block.range,
          message: 'Earlier copy of this paragraph',
        }));
        const deletion = paragraphDeletionRange(doc.text, block.range);
        const finding: Finding = {
          ruleId: this.id,
          severity: context.severity,
          message: `This paragraph repeats the paragraph on ${where(earlier[0]!, here)} (identical).`,
          range: block.range,
          related,
          tags: ['unnecessary'],
          ...(deletion ? { fixes: [{ title: 'Delete repeated paragraph', edits: [{ range: deletion, newText: '' }], safe: true }] } : {}),
        };
        earlier.push(here);
        const list = findings.get(doc.uri) ?? [];
        list.push(finding);
        findings.set(doc.uri, list);
      }
    }
    return findings;
  },
};
