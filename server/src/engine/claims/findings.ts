/**
 * From claim analysis to findings. At most one rule reports a sentence, the
 * most specific that applies: a vague source is the problem to fix first
 * (naming the source also sources its figures), one finding per vague phrase;
 * then its unsourced statistics, as one finding; then a claim stated as fact.
 * A sentence credited to a source in reach gets none.
 */
import { keepsHistory } from '../cache';
import type { ClaimsConfig } from '../config';
import { contentToken } from '../document/content';
import type { Block, ParsedDocument, ProseBlock } from '../document/model';
import { isProse } from '../document/model';
import type { Finding, Fix, OffsetRange } from '../types';
import type { RuleContext } from '../rules/rule';
import { analyzeBlock, type BlockClaims, type SentenceClaims } from './analysis';
import type { CueKind } from './lexicon/cues';
import { isNoteLine, isSourceLine } from './markers';

export type ClaimRuleId = 'vague-attribution' | 'unsourced-statistic' | 'unattributed-claim';

/** The text the citation placeholder fix inserts after a sentence. */
export const CITATION_PLACEHOLDER = ' [citation needed]';

/** One sentence-level verdict: which rule reports it, where, and why. */
export interface ClaimVerdict {
  readonly ruleId: ClaimRuleId;
  /** Relative to the block's prose. */
  readonly range: OffsetRange;
  readonly message: string;
}

const CUE_MESSAGES: Readonly<Record<CueKind, (cue: string) => string>> = {
  causal: (cue) => `Causal claim ("${cue}") is stated as fact with no source: cite it or say who makes it.`,
  consensus: (cue) => `Consensus ("${cue}") is claimed with no source: say who holds this view or cite it.`,
  prediction: (cue) => `Prediction ("${cue}") is stated as fact with no source: cite it or say who predicts it.`,
  verdict: (cue) => `Verdict ("${cue}") is stated as fact with no source: cite it or say whose judgement it is.`,
  motive: (cue) => `Motive ("${cue}") is stated as fact with no source: cite it or say who makes the claim.`,
};

function listQuoted(texts: readonly string[]): string {
  const quoted = texts.slice(0, 3).map((text) => `"${text}"`);
  const more = texts.length > 3 ? `, and ${texts.length - 3} more` : '';
  if (quoted.length === 1) return quoted[0]!;
  if (more) return `${quoted.join(', ')}${more}`;
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/**
 * The verdicts for one analysed sentence, as if its block were not credited
 * as a whole (the caller drops them all for a block with a "Source:" line in
 * it or after it).
 */
function sentenceVerdicts(sentence: SentenceClaims): ClaimVerdict[] {
  if (sentence.skipped || sentence.cited) return [];
  if (sentence.vague.length > 0) {
    return sentence.vague.map((hit) => ({
      ruleId: 'vague-attribution' as const,
      range: hit.range,
      message:
        hit.kind === 'unnamed'
          ? `Claim credited to unnamed "${hit.text}": name the source or cite it.`
          : `Claim credited to no one ("${hit.text}"): name the source or cite it.`,
    }));
  }
  if (sentence.attribution || sentence.continuesVague) return [];
  if (sentence.statistics.length > 0) {
    const texts = sentence.statistics.map((hit) => hit.text);
    const plural = texts.length > 1;
    return [
      {
        ruleId: 'unsourced-statistic',
        range: sentence.statistics[0]!.range,
        message: `${plural ? 'Figures' : 'Figure'} ${listQuoted(texts)} ${plural ? 'are' : 'is'} stated with no source in reach: cite where ${plural ? 'they come' : 'it comes'} from.`,
      },
    ];
  }
  if (sentence.cue) {
    return [{ ruleId: 'unattributed-claim', range: sentence.cue.claimRange, message: CUE_MESSAGES[sentence.cue.kind](sentence.cue.text) }];
  }
  return [];
}

/** Whether the claim rules read a block: paragraphs, list items and quotes, never headings or footnote texts. */
function isClaimBlock(block: ProseBlock): boolean {
  return block.kind === 'paragraph' && block.container !== 'footnote';
}

/** Whether the block after `index` in `doc.blocks` is a "Source:" line (past any "Note:" lines and comments). */
function sourcedByFollowingLine(doc: ParsedDocument, index: number): boolean {
  for (let j = index + 1; j < doc.blocks.length; j++) {
    const next = doc.blocks[j]!;
    if (next.kind === 'html') continue;
    if (!isProse(next) || next.kind !== 'paragraph') return false;
    if (isSourceLine(next.prose)) return true;
    if (!isNoteLine(next.prose)) return false;
  }
  return false;
}

function placeholderFix(offset: number): Fix {
  return { title: 'Insert citation placeholder', edits: [{ range: [offset, offset], newText: CITATION_PLACEHOLDER }], safe: false };
}

/** A verdict with where its placeholder fix goes (relative to the block's prose, like its range). */
interface PlacedVerdict extends ClaimVerdict {
  readonly fixAt: number;
}

/**
 * What a block's analysis reports when nothing credits the block as a
 * whole, per rule (a credited block reports nothing). Offset-independent.
 */
type BlockVerdicts = Readonly<Record<ClaimRuleId, readonly PlacedVerdict[]>>;

/**
 * Verdicts by analysis: analyses are cached per block content, so an edit
 * leaves the verdicts of every other block in place and the three rules
 * skip the blocks with none at the cost of a lookup.
 */
const verdictsByClaims = new WeakMap<BlockClaims, BlockVerdicts>();

/** The verdicts of `claims` (see {@link BlockVerdicts}). */
function blockVerdicts(claims: BlockClaims): BlockVerdicts {
  const known = verdictsByClaims.get(claims);
  if (known) return known;
  const made: Record<ClaimRuleId, PlacedVerdict[]> = { 'vague-attribution': [], 'unsourced-statistic': [], 'unattributed-claim': [] };
  for (const sentence of claims.sentences) {
    for (const verdict of sentenceVerdicts(sentence)) made[verdict.ruleId].push({ ...verdict, fixAt: sentence.range[1] });
  }
  verdictsByClaims.set(claims, made);
  return made;
}

const RULE_IDS: readonly ClaimRuleId[] = ['vague-attribution', 'unsourced-statistic', 'unattributed-claim'];

/** The verdicts of one block for one rule, and where the block starts in its document. */
interface PlacedBlock {
  readonly verdicts: readonly PlacedVerdict[];
  readonly base: number;
}

/** The blocks of a document that report verdicts, per rule, under one claims configuration. */
interface DocumentVerdicts {
  readonly claims: ClaimsConfig;
  readonly byRule: Readonly<Record<ClaimRuleId, readonly PlacedBlock[]>>;
}

/**
 * Verdicts by document: the three rules read the same blocks, so the first
 * of them to run on a document walks its blocks for all three (each walk
 * looks every block up, which on a long draft cost more than the one
 * re-analysed paragraph).
 */
const verdictsByDocument = new WeakMap<ParsedDocument, DocumentVerdicts>();

/** What the walk of a document found at each of its blocks: the block's verdicts if it reports any, else null. */
interface DocumentWalk {
  readonly blocks: readonly Block[];
  readonly claims: ClaimsConfig;
  readonly found: readonly (BlockVerdicts | null)[];
}

/**
 * The last walk of each document linted lately, by uri. An edited document
 * is walked again only where its blocks changed: each block costs two
 * lookups, and a 2 MB draft's 6,000 blocks cost 2.5 ms on every keystroke.
 * Bounded: only documents being edited need it.
 */
const recentWalks = new Map<string, DocumentWalk>();
const RECENT_WALKS = 32;
keepsHistory(() => recentWalks.clear());

/** Whether two blocks are one parsed block, perhaps moved (see `contentToken`): the same content, so the same analysis. */
function sameBlock(a: Block, b: Block): boolean {
  return a === b || contentToken(a) === contentToken(b);
}

/** Whether {@link sourcedByFollowingLine} reads past `block` to the blocks after it. */
function passedOver(block: Block): boolean {
  return block.kind === 'html' || (isProse(block) && block.kind === 'paragraph' && isNoteLine(block.prose));
}

/** What block `index` of `doc` reports under `claims` (see {@link DocumentWalk}). */
function walkBlock(doc: ParsedDocument, index: number, claims: ClaimsConfig): BlockVerdicts | null {
  const block = doc.blocks[index]!;
  if (!isProse(block) || !isClaimBlock(block)) return null;
  const analysis = analyzeBlock(block, claims);
  if (analysis.isSourceLine || analysis.sourceLine) return null;
  const verdicts = blockVerdicts(analysis);
  // Most blocks report nothing: skip the look at the following blocks for them.
  return RULE_IDS.some((ruleId) => verdicts[ruleId].length > 0) && !sourcedByFollowingLine(doc, index) ? verdicts : null;
}

/**
 * The blocks of `doc` with verdicts, per rule, under `claims`. Against the
 * last walk of the same document, the blocks shared at either end keep what
 * they found, except those before the change whose look for a "Source:"
 * line reaches into it.
 */
function documentVerdicts(doc: ParsedDocument, claims: ClaimsConfig): DocumentVerdicts['byRule'] {
  const known = verdictsByDocument.get(doc);
  if (known && known.claims === claims) return known.byRule;
  const blocks = doc.blocks;
  const found: (BlockVerdicts | null)[] = new Array(blocks.length);
  let head = 0;
  let tail = 0;
  const previous = recentWalks.get(doc.uri);
  if (previous && previous.claims === claims) {
    const old = previous.blocks;
    while (head < old.length && head < blocks.length && sameBlock(old[head]!, blocks[head]!)) head++;
    while (tail < old.length - head && tail < blocks.length - head && sameBlock(old[old.length - 1 - tail]!, blocks[blocks.length - 1 - tail]!)) tail++;
    // The block before the change looks into it for a "Source:" line, and so do those before comments and "Note:" lines leading up to it.
    let kept = head - 1;
    while (kept > 0 && passedOver(blocks[kept]!)) kept--;
    head = Math.max(0, kept);
    for (let i = 0; i < head; i++) found[i] = previous.found[i]!;
    for (let i = blocks.length - tail; i < blocks.length; i++) found[i] = previous.found[i - blocks.length + old.length]!;
  }
  for (let i = head; i < blocks.length - tail; i++) found[i] = walkBlock(doc, i, claims);
  const byRule: Record<ClaimRuleId, PlacedBlock[]> = { 'vague-attribution': [], 'unsourced-statistic': [], 'unattributed-claim': [] };
  for (let i = 0; i < blocks.length; i++) {
    const verdicts = found[i];
    if (!verdicts) continue;
    for (const ruleId of RULE_IDS) if (verdicts[ruleId].length > 0) byRule[ruleId].push({ verdicts: verdicts[ruleId], base: blocks[i]!.range[0] });
  }
  verdictsByDocument.set(doc, { claims, byRule });
  recentWalks.delete(doc.uri);
  recentWalks.set(doc.uri, { blocks, claims, found });
  if (recentWalks.size > RECENT_WALKS) recentWalks.delete(recentWalks.keys().next().value!);
  return byRule;
}

/**
 * The findings of one claim rule in one document. The three rules share the
 * cached per-paragraph analysis, so running all three costs one analysis per
 * changed paragraph. A rule reads the whole document, not one block, so that
 * a "Source:" line can credit the block before it.
 */
export function documentClaimFindings(doc: ParsedDocument, context: RuleContext, ruleId: ClaimRuleId): Finding[] {
  const findings: Finding[] = [];
  for (const { verdicts, base } of documentVerdicts(doc, context.config.claims)[ruleId]) {
    for (const verdict of verdicts) {
      findings.push({
        ruleId,
        severity: context.severity,
        message: verdict.message,
        range: [verdict.range[0] + base, verdict.range[1] + base],
        fixes: [placeholderFix(verdict.fixAt + base)],
      });
    }
  }
  return findings;
}

/** The findings of one claim rule over `documents`, keyed by uri (documents without any are left out). */
export function claimFindings(
  documents: readonly ParsedDocument[],
  context: RuleContext,
  ruleId: ClaimRuleId,
): Map<string, Finding[]> {
  const result = new Map<string, Finding[]>();
  for (const doc of documents) {
    const findings = documentClaimFindings(doc, context, ruleId);
    if (findings.length > 0) result.set(doc.uri, findings);
  }
  return result;
}
