/**
 * `--fix`: safe fixes applied to every document of the run until none is
 * left. Each pass re-lints all documents together, because deleting a
 * repeated paragraph in one file changes what counts as repeated in the
 * others. Pure (no I/O), so the passes are testable on strings.
 */
import { applySafeFixes, Linter, type DocumentResult, type Finding, type LintConfig, type SourceDocument } from '../engine';

/** Passes before giving up on reaching a fixed point; real fixes settle in two or three. */
export const MAX_FIX_PASSES = 10;

export interface FixRun {
  /** The documents with every fix applied, in the order given. */
  readonly documents: SourceDocument[];
  /** The findings left in `documents`. */
  readonly results: DocumentResult[];
  /** How many findings were fixed per uri, over all passes; absent when none. */
  readonly fixed: ReadonlyMap<string, number>;
  /** False when the last pass still had fixes to apply: the result is usable but may not be final. */
  readonly settled: boolean;
  /** Documents whose fixes could not be applied (an engine bug): uri → reason. They keep their text. */
  readonly failures: ReadonlyMap<string, string>;
}

function hasSafeFix(doc: SourceDocument, findings: readonly Finding[]): boolean {
  try {
    return applySafeFixes(doc.text, findings, doc.uri).fixed > 0;
  } catch {
    return false;
  }
}

/**
 * Lints `documents`, applies the safe fixes, and repeats until a pass fixes
 * nothing or `maxPasses` passes have run. `canFix` leaves some documents
 * unfixed (still linted, still seen by cross-file rules); `select` limits
 * which findings are fixed (`--quiet` fixes errors only, as ESLint does).
 */
export function fixUntilStable(
  documents: readonly SourceDocument[],
  config: LintConfig,
  options: {
    maxPasses?: number;
    canFix?: (uri: string) => boolean;
    select?: (finding: Finding) => boolean;
    linter?: Pick<Linter, 'lint'>;
  } = {},
): FixRun {
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  const canFix = options.canFix ?? (() => true);
  const select = options.select;
  const fixable = (result: DocumentResult): readonly Finding[] => (select ? result.findings.filter(select) : result.findings);
  // One linter across passes: unchanged paragraphs come from its cache.
  const linter = options.linter ?? new Linter();
  const fixed = new Map<string, number>();
  const failures = new Map<string, string>();
  let current = [...documents];
  let results = linter.lint(current, config);
  let settled = false;
  for (let pass = 0; pass < maxPasses; pass++) {
    let changed = false;
    current = current.map((doc, index) => {
      if (!canFix(doc.uri) || failures.has(doc.uri)) return doc;
      try {
        const outcome = applySafeFixes(doc.text, fixable(results[index]!), doc.uri);
        if (outcome.fixed === 0 || outcome.text === doc.text) return doc;
        changed = true;
        fixed.set(doc.uri, (fixed.get(doc.uri) ?? 0) + outcome.fixed);
        return { ...doc, text: outcome.text };
      } catch (error) {
        failures.set(doc.uri, error instanceof Error ? error.message : String(error));
        return doc;
      }
    });
    if (!changed) {
      settled = true;
      break;
    }
    results = linter.lint(current, config);
  }
  if (!settled) {
    // Settled after all if the last re-lint left nothing to apply.
    settled = current.every((doc, index) => !canFix(doc.uri) || failures.has(doc.uri) || !hasSafeFix(doc, fixable(results[index]!)));
  }
  return { documents: current, results, fixed, settled, failures };
}
