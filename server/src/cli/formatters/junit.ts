/**
 * JUnit XML, the test-report format GitLab, Jenkins, Azure Pipelines and
 * CircleCI display. One test suite per run and one test case per linted file,
 * so a dashboard lists every file, passing or not. Errors and warnings are
 * `<failure>` elements (type = rule id); infos and hints go to the test
 * case's `<system-out>`, because they never fail the run and a red test for
 * them would contradict the exit code.
 */
import type { ReportMessage } from '../report';
import { slashRelative } from './paths';
import { xmlAttribute, xmlText } from './xml';
import type { Formatter, FormatOptions } from './types';

/** Test time is not measured (`time="0"`): a lint run has no per-file timing worth reporting. */
export const formatJunit: Formatter = (reports, options) => {
  const cases: string[] = [];
  let failedCases = 0;
  for (const report of reports) {
    const name = slashRelative(report.filePath, options.cwd);
    const failures = report.messages.filter((message) => message.severity > 0);
    const notes = report.messages.filter((message) => message.severity === 0);
    if (failures.length > 0) failedCases++;
    const open = `    <testcase classname="policylint" name="${xmlAttribute(name)}" file="${xmlAttribute(name)}" time="0"`;
    if (failures.length === 0 && notes.length === 0) {
      cases.push(`${open}/>`);
      continue;
    }
    cases.push(`${open}>`);
    for (const message of failures) {
      cases.push(
        `      <failure type="${xmlAttribute(message.ruleId)}" message="${xmlAttribute(message.message)}">` +
          `${xmlText(describe(message, name, options))}</failure>`,
      );
    }
    if (notes.length > 0) {
      cases.push(`      <system-out>${xmlText(notes.map((message) => describe(message, name, options)).join('\n'))}</system-out>`);
    }
    cases.push('    </testcase>');
  }
  const counts = `tests="${reports.length}" failures="${failedCases}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="policylint" ${counts} time="0">`,
    `  <testsuite name="policylint" ${counts} skipped="0" time="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};

/** `file:line:col: level message (rule)`, then each related location, the lines a CI log viewer shows for a failure. */
function describe(message: ReportMessage, name: string, options: FormatOptions): string {
  const lines = [`${name}:${message.line}:${message.column}: ${message.level} ${message.message} (${message.ruleId})`];
  for (const related of message.related) {
    lines.push(`  ${slashRelative(related.filePath, options.cwd)}:${related.line}:${related.column}: ${related.message}`);
  }
  return lines.join('\n');
}
