/**
 * The repeat analysis of one run, shared by both repeat rules: the set's
 * `RepeatIndex` hands it over when the run keeps one (an editor, the CLI),
 * else it is computed once with a fresh index.
 */
import type { LintConfig } from '../config';
import type { DocumentSummary } from '../summary';
import type { RepeatAnalysis } from './analyze';
import { RepeatIndex } from './incremental';

const memo = new WeakMap<readonly DocumentSummary[], { config: LintConfig; analysis: RepeatAnalysis }>();

/**
 * Hands the rules of a run an analysis computed elsewhere (incrementally, by
 * a {@link RepeatIndex} kept between runs) for `documents`, so they do not recompute it.
 */
export function primeRepeats(documents: readonly DocumentSummary[], config: LintConfig, analysis: RepeatAnalysis): void {
  memo.set(documents, { config, analysis });
}

/**
 * The repeats in `documents` (already in comparison order: path, then
 * position), from their summaries. Both repeat rules receive the same array
 * in one run, so the analysis is computed once and shared.
 */
export function analyzeRepeats(documents: readonly DocumentSummary[], config: LintConfig): RepeatAnalysis {
  const hit = memo.get(documents);
  if (hit && hit.config === config) return hit.analysis;
  const analysis = new RepeatIndex().update(documents, config);
  memo.set(documents, { config, analysis });
  return analysis;
}
