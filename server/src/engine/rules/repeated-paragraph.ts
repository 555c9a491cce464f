/**
 * repeated-paragraph: a prose paragraph that repeats an earlier one, exactly
 * or nearly, in the same document or an earlier document of the set.
 */
import type { DocumentRef } from '../document/model';
import { lineNumberAt } from '../document/lines';
import type { EarlierCopy, ProseRef } from '../repeats/analyze';
import { analyzeRepeats } from '../repeats/set-analysis';
import type { Finding, FindingTag, OffsetRange } from '../types';
import type { DocumentSet, RuleContext, SetRule } from './rule';

function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || uri;
}

/** "line 2", or "line 2 of brief.md" when the copy is in another document. */
export function where(doc: DocumentRef, offset: number, from: DocumentRef): string {
  const line = lineNumberAt(doc.lineStarts, offset);
  return doc.uri === from.uri ? `line ${line}` : `line ${line} of ${baseName(doc.uri)}`;
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

function describe(copy: EarlierCopy, later: ProseRef): string {
  const at = where(copy.doc, copy.block.range[0], later.doc);
  const percent = Math.floor(copy.score * 100);
  switch (copy.kind) {
    case 'identical':
      return `This paragraph repeats the paragraph on ${at} (identical).`;
    case 'similar':
      return `This paragraph is ${percent}% similar to the paragraph on ${at}.`;
    case 'contained':
      return `This paragraph is contained in the paragraph on ${at} (${percent}% of its words).`;
    case 'contains':
      return `This paragraph contains the paragraph on ${at} (${percent}% of its words) and extends it.`;
  }
}

/** One list for every identical copy: a workspace of pasted drafts has tens of thousands of them. */
const UNNECESSARY: readonly FindingTag[] = Object.freeze(['unnecessary'] as const);

const RELATED_MESSAGE: Record<EarlierCopy['kind'], string> = {
  identical: 'Earlier copy of this paragraph',
  similar: 'Earlier, similar paragraph',
  contained: 'Earlier paragraph that contains this one',
  contains: 'Earlier paragraph that this one contains',
};

/** "2 more earlier copies listed." or, past the listing cap, "1,200 more earlier copies (the first 19 listed)." */
export function moreCopies(others: number, listed: number): string {
  const noun = others === 1 ? 'copy' : 'copies';
  return listed >= others
    ? `${others} more earlier ${noun} listed.`
    : `${others.toLocaleString('en-US')} more earlier ${noun} (the first ${listed} listed).`;
}

export const repeatedParagraph: SetRule = {
  id: 'repeated-paragraph',
  scope: 'set',
  check(documents: DocumentSet, context: RuleContext): Map<string, Finding[]> {
    const findings = new Map<string, Finding[]>();
    for (const repeat of analyzeRepeats(documents, context.config).paragraphs) {
      const best = repeat.earlier[0]!;
      const others = repeat.total - 1;
      const identical = best.kind === 'identical';
      const deletion = identical ? paragraphDeletionRange(repeat.doc.text, repeat.block.range) : undefined;
      const finding: Finding = {
        ruleId: this.id,
        severity: context.severity,
        message: describe(best, repeat) + (others > 0 ? ` ${moreCopies(others, repeat.earlier.length - 1)}` : ''),
        range: repeat.block.range,
        related: repeat.earlier.map((copy) => ({ uri: copy.doc.uri, range: copy.block.range, message: RELATED_MESSAGE[copy.kind] })),
        ...(identical ? { tags: UNNECESSARY } : {}),
        ...(deletion ? { fixes: [{ title: 'Delete repeated paragraph', edits: [{ range: deletion, newText: '' }], safe: true }] } : {}),
      };
      const list = findings.get(repeat.doc.uri) ?? [];
      list.push(finding);
      findings.set(repeat.doc.uri, list);
    }
    return findings;
  },
};
