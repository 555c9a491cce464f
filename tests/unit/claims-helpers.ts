import { lintDocuments, resolveConfig, type Finding, type LintConfig } from '../../server/src/engine/index';
import { NUMBER, PUNCT, WORD, type TokenList } from '../../server/src/engine/claims/tokens';
import { doc } from './helpers';

export const CLAIM_RULES = ['vague-attribution', 'unsourced-statistic', 'unattributed-claim'] as const;
export type ClaimRule = (typeof CLAIM_RULES)[number];

/** The claim findings of one document, in position order. */
export function claimFindings(text: string, uri = 'a.md', config?: LintConfig): Finding[] {
  return lintDocuments([doc(uri, text)], config)[0]!.findings.filter((f) => (CLAIM_RULES as readonly string[]).includes(f.ruleId));
}

/** Each claim finding as `rule: highlighted text`, for compact expectations. */
export function summarize(text: string, uri = 'a.md', config?: LintConfig): string[] {
  return claimFindings(text, uri, config).map((f) => `${f.ruleId}: ${text.slice(f.range[0], f.range[1])}`);
}

/** A configuration built through the validator, failing the test on any problem. */
export function config(input: Record<string, unknown>): LintConfig {
  const { config: resolved, problems } = resolveConfig(input);
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return resolved;
}

/** One claim token as a plain object, for readable expectations and reference implementations. */
export interface TokenObject {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'word' | 'number' | 'punct';
  readonly quoted: boolean;
}

const KIND_NAMES = { [WORD]: 'word', [NUMBER]: 'number', [PUNCT]: 'punct' } as const;
const KIND_CODES = { word: WORD, number: NUMBER, punct: PUNCT } as const;

/** The tokens of a list as objects. */
export function tokenObjects(tokens: TokenList): TokenObject[] {
  return Array.from({ length: tokens.length }, (_, i) => ({
    text: tokens.text[i]!,
    lower: tokens.lower[i]!,
    start: tokens.start[i]!,
    end: tokens.end[i]!,
    kind: KIND_NAMES[tokens.kind[i] as keyof typeof KIND_NAMES],
    quoted: tokens.quoted[i] === 1,
  }));
}

/** A token list made of objects, as the tokenizer would lay it out. */
export function tokenList(objects: readonly TokenObject[]): TokenList {
  return {
    length: objects.length,
    text: objects.map((t) => t.text),
    lower: objects.map((t) => t.lower),
    start: Int32Array.from(objects, (t) => t.start),
    end: Int32Array.from(objects, (t) => t.end),
    kind: Uint8Array.from(objects, (t) => KIND_CODES[t.kind]),
    quoted: Uint8Array.from(objects, (t) => (t.quoted ? 1 : 0)),
  };
}
