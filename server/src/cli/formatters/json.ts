/**
 * ESLint's JSON format: an array with one object per linted file. ESLint's
 * keys come first and in ESLint's order, policylint's extras after them, so
 * tools written for ESLint read the output unchanged.
 */
import type { FileReport, ReportMessage } from '../report';
import type { Formatter } from './types';

/** Compact like ESLint's; key order is spelled out here rather than trusted to whoever built the objects. */
export const formatJson: Formatter = (reports) => JSON.stringify(reports.map(fileToJson));

function fileToJson(report: FileReport): Record<string, unknown> {
  return {
    filePath: report.filePath,
    messages: report.messages.map(messageToJson),
    errorCount: report.errorCount,
    fatalErrorCount: report.fatalErrorCount,
    warningCount: report.warningCount,
    fixableErrorCount: report.fixableErrorCount,
    fixableWarningCount: report.fixableWarningCount,
    ...(report.output !== undefined ? { output: report.output } : {}),
    infoCount: report.infoCount,
  };
}

function messageToJson(message: ReportMessage): Record<string, unknown> {
  const json: Record<string, unknown> = {
    ruleId: message.ruleId,
    severity: message.severity,
    message: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
  };
  if (message.fix) json.fix = { range: message.fix.range, text: message.fix.text };
  if (message.suggestions && message.suggestions.length > 0) {
    json.suggestions = message.suggestions.map((s) => ({ desc: s.desc, fix: { range: s.fix.range, text: s.fix.text } }));
  }
  json.level = message.level;
  json.related = message.related.map((r) => ({
    filePath: r.filePath,
    line: r.line,
    column: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
    message: r.message,
  }));
  return json;
}
