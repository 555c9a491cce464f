/**
 * The public surface of the pure lint engine. The language server, the CLI and
 * the tests import from here only.
 */
export * from './types';
export { DEFAULT_CONFIG, resolveConfig, ruleSeverity, isRuleEnabled, isSeveritySetting } from './config';
export type { LintConfig, PartialLintConfig, ConfigProblem, RepeatedConfig, ClaimsConfig, NamesConfig, AcronymsConfig } from './config';
export { RULES, RULE_IDS, ruleMeta } from './rules/registry';
export type { RuleMeta } from './rules/registry';
export { Linter, lintDocuments, combineAnalyses } from './lint';
export { clearContentCaches } from './cache';
export { fixesToOffer, lineFixSource } from './directives';
export type { LineFixSource } from './directives';
export type { DocumentAnalysis } from './lint';
export type { DocumentSummary } from './summary';
export { applyEdits, applySafeFixes } from './fix';
export { languageFromPath, lintLanguageOf, SUPPORTED_EXTENSIONS } from './language';
export { consistencyReport, renderConsistencyReport } from './report';
export type { ConsistencyReport, ReportName, ReportForm, ReportAcronym, ReportRepeatGroup, ReportCopy, ReportLocation, ReportRendering } from './report';
