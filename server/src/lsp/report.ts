/**
 * "policylint: Show consistency report": the `policylint/consistencyReport`
 * request renders the engine's report of every document the server lints
 * (open documents and the scanned workspace) as Markdown, which the client
 * opens in a preview. Links carry `#L<line>` so that clicking one opens the
 * file at that line.
 */
import * as path from 'node:path';
import { consistencyReport, renderConsistencyReport, type LintConfig } from '../engine';
import type { LintInput } from './results';
import { displayName, uriToPath } from './uris';

export const CONSISTENCY_REPORT_REQUEST = 'policylint/consistencyReport';

/** Parameters: the document whose settings apply (the active editor's), and where the report will be saved, if anywhere. */
export interface ConsistencyReportParams {
  readonly uri?: string;
  /**
   * The file the client saves the report to. Links are then relative to it,
   * which Markdown previews follow (they refuse `file:` links, as
   * markdown-it does); otherwise links are absolute URIs.
   */
  readonly reportUri?: string;
}

/** The answer: the report as Markdown, and how many files it covers. */
export interface ConsistencyReportResult {
  readonly markdown: string;
  readonly files: number;
}

/**
 * Builds the report over `inputs` with the settings of `params.uri` (else of
 * the first document): `names.preferred`, `names.distinct` and `repeated.*`
 * decide what counts as a variant or a copy. `folderOf` names files relative
 * to their workspace folder.
 */
export function buildConsistencyReport(
  inputs: readonly LintInput[],
  params: ConsistencyReportParams | undefined,
  folderOf: (uri: string) => { readonly name: string; readonly path: string } | undefined,
  config: LintConfig,
): ConsistencyReportResult {
  const chosen = inputs.find((input) => input.uri === params?.uri) ?? inputs[0];
  const report = consistencyReport(inputs, chosen?.settings.config ?? config);
  const label = (uri: string): string => {
    const file = uriToPath(uri);
    const folder = folderOf(uri);
    if (file === undefined || folder === undefined) return displayName(uri);
    return path.relative(folder.path, file).split(path.sep).join('/');
  };
  const base = typeof params?.reportUri === 'string' ? uriToPath(params.reportUri) : undefined;
  const link = (uri: string, line: number): string => {
    const file = uriToPath(uri);
    if (base === undefined || file === undefined) return `${uri}#L${line}`;
    return `${path.relative(path.dirname(base), file).split(path.sep).join('/')}#L${line}`;
  };
  const markdown = renderConsistencyReport(report, { label, link });
  return { markdown, files: report.files };
}
