/**
 * The three shapes a rule can take. Block rules look at one prose block at a
 * time, so their results can be cached by the block's text; document rules
 * look at one whole document; set rules look at every document of the run
 * together (repeats, name consistency), through the documents' summaries, so
 * that the per-document work can happen elsewhere (a worker, a cache).
 */
import type { LintConfig } from '../config';
import type { ParsedDocument, ProseBlock } from '../document/model';
import type { DocumentSummary } from '../summary';
import type { Finding, Severity } from '../types';

export interface RuleContext {
  readonly config: LintConfig;
  readonly severity: Severity;
}

/** A rule over one prose block; ranges it returns are relative to `block.prose`. */
export interface BlockRule {
  readonly id: string;
  readonly scope: 'block';
  /** Whether the rule looks at blocks of this kind (paragraph, heading). */
  applies(block: ProseBlock): boolean;
  check(block: ProseBlock, context: RuleContext): Finding[];
}

/** A rule over one document; ranges it returns are document offsets. */
export interface DocumentRule {
  readonly id: string;
  readonly scope: 'document';
  check(doc: ParsedDocument, context: RuleContext): Finding[];
}

/** The documents of a run as set rules see them: summaries in comparison (uri) order. */
export type DocumentSet = readonly DocumentSummary[];

/** A rule over the whole set of documents; returns findings per document uri. */
export interface SetRule {
  readonly id: string;
  readonly scope: 'set';
  check(documents: DocumentSet, context: RuleContext): Map<string, Finding[]>;
}

export type Rule = BlockRule | DocumentRule | SetRule;
