/**
 * Inline directives: HTML comments that turn rules off for a region, a line
 * or the next line, as ESLint's comments do:
 *
 *   <!-- policylint-disable repeated-word, vague-attribution -->
 *   <!-- policylint-enable -->
 *   <!-- policylint-disable-next-line repeated-paragraph -->
 *   text <!-- policylint-disable-line -->
 *
 * No rule list means every rule. Text after ` -- ` is a free-form reason.
 */
import { computeLineStarts, lineNumberAt } from './document/lines';
import type { DocumentRef, ParsedDocument } from './document/model';
import { RULE_IDS } from './rules/registry';
import type { DocumentLanguage, Finding, Fix, OffsetRange } from './types';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids named; empty means all rules. */
  readonly rules: readonly string[];
  readonly range: OffsetRange;
  /** 1-based line of the comment's start. */
  readonly line: number;
}

/** The rule id of problems in directives themselves. */
export const DIRECTIVE_RULE_ID = 'invalid-directive';

const COMMENT = /<!--([\s\S]*?)-->/g;
const DIRECTIVE = /^\s*policylint-([a-z-]+)(?:\s+([\s\S]*?))?\s*$/;
const KINDS: readonly string[] = ['disable', 'enable', 'disable-line', 'disable-next-line'];

/** Where comments can be: HTML blocks and inline HTML inside prose. */
function commentRegions(doc: ParsedDocument): OffsetRange[] {
  const regions: OffsetRange[] = [];
  for (const block of doc.blocks) if (block.kind === 'html') regions.push(block.range);
  for (const block of doc.prose) for (const span of block.inlines) if (span.kind === 'html') regions.push(span.range);
  return regions.sort((a, b) => a[0] - b[0]);
}

/**
 * Finds the directives in `doc`, and reports malformed ones (unknown kind,
 * unknown rule id) as findings of {@link DIRECTIVE_RULE_ID}.
 */
export function findDirectives(doc: ParsedDocument): { directives: Directive[]; problems: Finding[] } {
  const directives: Directive[] = [];
  const problems: Finding[] = [];
  const problem = (range: OffsetRange, message: string): void => {
    problems.push({ ruleId: DIRECTIVE_RULE_ID, severity: 'warning', message, range });
  };
  for (const [start, end] of commentRegions(doc)) {
    const region = doc.text.slice(start, end);
    COMMENT.lastIndex = 0;
    for (let match = COMMENT.exec(region); match; match = COMMENT.exec(region)) {
      const body = match[1]!.split(/\s--\s/)[0]!;
      const parsed = DIRECTIVE.exec(body);
      if (!parsed) continue;
      const range: OffsetRange = [start + match.index, start + match.index + match[0].length];
      const kind = parsed[1]!;
      if (!KINDS.includes(kind)) {
        problem(range, `Unknown policylint directive "policylint-${kind}"; use one of ${KINDS.map((k) => `policylint-${k}`).join(', ')}.`);
        continue;
      }
      const named = (parsed[2] ?? '').split(/[\s,]+/).filter((id) => id.length > 0);
      const unknown = named.filter((id) => !RULE_IDS.includes(id));
      for (const id of unknown) problem(range, `Unknown rule "${id}" in policylint directive; known rules: ${RULE_IDS.join(', ')}.`);
      const rules = named.filter((id) => RULE_IDS.includes(id));
      // A directive whose every rule is unknown must not silently disable everything.
      if (named.length > 0 && rules.length === 0) continue;
      directives.push({ kind: kind as DirectiveKind, rules, range, line: lineNumberAt(doc.lineStarts, range[0]) });
    }
  }
  return { directives, problems };
}

const applies = (directive: Directive, ruleId: string): boolean =>
  directive.rules.length === 0 || directive.rules.includes(ruleId);

/**
 * Drops the findings that directives switch off. `findings` must be sorted
 * by start offset; region directives take effect after the comment ends.
 */
export function applyDirectives(doc: DocumentRef, findings: readonly Finding[], directives: readonly Directive[]): Finding[] {
  if (directives.length === 0) return [...findings];
  const regions = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const byLine = new Map<number, Directive[]>();
  for (const directive of directives) {
    const line = directive.kind === 'disable-line' ? directive.line : directive.kind === 'disable-next-line' ? directive.line + 1 : 0;
    if (line > 0) byLine.set(line, [...(byLine.get(line) ?? []), directive]);
  }
  let allDisabled = false;
  const disabled = new Set<string>();
  const reenabled = new Set<string>();
  let next = 0;
  const kept: Finding[] = [];
  for (const finding of findings) {
    while (next < regions.length && regions[next]!.range[1] <= finding.range[0]) {
      const { kind, rules } = regions[next++]!;
      if (rules.length === 0) {
        allDisabled = kind === 'disable';
        disabled.clear();
        reenabled.clear();
      } else {
        for (const id of rules) {
          if (kind === 'disable') {
            disabled.add(id);
            reenabled.delete(id);
          } else {
            disabled.delete(id);
            reenabled.add(id);
          }
        }
      }
    }
    const id = finding.ruleId;
    const off = disabled.has(id) || (allDisabled && !reenabled.has(id));
    const line = lineNumberAt(doc.lineStarts, finding.range[0]);
    const lineOff = (byLine.get(line) ?? []).some((d) => applies(d, id));
    if (!off && !lineOff) kept.push(finding);
  }
  return kept;
}

/**
 * What a line fix needs of a document: its text, language and line starts.
 * The engine's own documents have all three; an editor or a report makes one
 * per document version with {@link lineFixSource}.
 */
export type LineFixSource = Pick<DocumentRef, 'text' | 'languageId' | 'lineStarts'>;

/** A {@link LineFixSource} for a text (its line starts computed once here). */
export function lineFixSource(text: string, languageId: DocumentLanguage): LineFixSource {
  return { text, languageId, lineStarts: computeLineStarts(text) };
}

const lineBreaks = new WeakMap<LineFixSource, string>();

/** The document's first line break (LF when it has none), found once per document: a long single-line file has thousands of findings. */
function lineBreakOf(doc: LineFixSource): string {
  let eol = lineBreaks.get(doc);
  if (eol === undefined) {
    const second = doc.lineStarts[1];
    eol = second === undefined ? '\n' : doc.text.charCodeAt(second - 1) === 13 ? '\r' : doc.text.charCodeAt(second - 2) === 13 ? '\r\n' : '\n';
    lineBreaks.set(doc, eol);
  }
  return eol;
}

/** The texts of line fixes, one string each: a report lists such a fix for every finding, and each built its own (a rope of three pieces). */
const lineFixTexts = new Map<string, string>();

function lineFixText(text: string): string {
  const known = lineFixTexts.get(text);
  if (known !== undefined) return known;
  lineFixTexts.set(text, text);
  return text;
}

/**
 * A fix that switches `ruleId` off for the line holding `offset`: a trailing
 * `disable-line` comment in Markdown, and in plain text (where comments sit
 * on lines of their own) a `disable-next-line` comment on the line above.
 */
export function disableLineFix(doc: LineFixSource, offset: number, ruleId: string): Fix {
  const line = lineNumberAt(doc.lineStarts, offset);
  const lineStart = doc.lineStarts[line - 1]!;
  const title = lineFixText(`Disable ${ruleId} for this line`);
  if (doc.languageId === 'markdown') {
    // The next line's start, back over the line break: no scan along the line (policy prose has long lines, and every finding gets this fix).
    let lineEnd = doc.lineStarts[line] ?? doc.text.length;
    if (lineEnd > lineStart && doc.text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
    if (lineEnd > lineStart && doc.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    return { title, safe: false, edits: [{ range: [lineEnd, lineEnd], newText: lineFixText(` <!-- policylint-disable-line ${ruleId} -->`) }] };
  }
  const eol = lineBreakOf(doc);
  const at = lineStart === 0 && doc.text.charCodeAt(0) === 0xfeff ? 1 : lineStart;
  return { title, safe: false, edits: [{ range: [at, at], newText: lineFixText(`<!-- policylint-disable-next-line ${ruleId} -->${eol}`) }] };
}

/**
 * Every fix to offer for `finding` of `doc`: its own fixes, then the one
 * that disables its rule for its line (none for a broken directive, which
 * no directive can silence). The engine's findings do not carry that last
 * fix: it is the same for every finding of a line, and stored on each it
 * was a sixth of the heap with a thousand documents open, for a fix only an
 * editor's quick-fix menu or a report's suggestions ever show. Those make
 * it here, for the findings they show.
 */
export function fixesToOffer(doc: LineFixSource, finding: Finding): readonly Fix[] {
  const own = finding.fixes ?? [];
  if (finding.ruleId === DIRECTIVE_RULE_ID) return own;
  return [...own, disableLineFix(doc, finding.range[0], finding.ruleId)];
}
