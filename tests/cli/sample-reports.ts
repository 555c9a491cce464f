// A fixed set of reports for the pure formatter tests: every level, related
// locations in the same and in another file, a safe fix that deletes and one
// that inserts, a suggestion, a clean file, a file outside the working
// directory, and the characters the CI formats must escape.
import type { FileReport, ReportMessage } from '../../server/src/cli/report';

export const CWD = '/proj';

/** A message with plausible defaults; `contentHash` defaults to one derived from the rule and message. */
export function message(overrides: Partial<ReportMessage>): ReportMessage {
  return {
    ruleId: 'repeated-paragraph',
    severity: 1,
    message: 'This paragraph repeats the paragraph on line 2.',
    line: 4,
    column: 1,
    endLine: 4,
    endColumn: 20,
    level: 'warning',
    related: [],
    contentHash: `hash of ${overrides.ruleId ?? 'repeated-paragraph'} ${overrides.message ?? ''}`,
    ...overrides,
  };
}

/** A file report whose counts agree with its messages, as buildReports makes them. */
export function file(filePath: string, messages: ReportMessage[]): FileReport {
  const count = (severity: number) => messages.filter((m) => m.severity === severity).length;
  return {
    filePath,
    messages,
    errorCount: count(2),
    fatalErrorCount: 0,
    warningCount: count(1),
    fixableErrorCount: messages.filter((m) => m.severity === 2 && m.fix).length,
    fixableWarningCount: messages.filter((m) => m.severity === 1 && m.fix).length,
    infoCount: count(0),
  };
}

/** A message with everything the CI formats must escape: %, a colon, a comma, CRLF and LF. */
export const AWKWARD_MESSAGE = 'Figure "50%" is unsourced: cite it, or say who gives it.\r\nSecond line\nthird';

/** A file name with a comma, a space and a colon: property separators in GitHub's commands. */
export const AWKWARD_FILE = '/proj/drafts/brief, v2: final.md';

export const CI_REPORTS: FileReport[] = [
  file('/proj/docs/policy.md', [
    message({
      ruleId: 'repeated-paragraph',
      line: 4,
      column: 1,
      endLine: 5,
      endColumn: 12,
      contentHash: 'aaaa',
      related: [
        { filePath: '/proj/docs/policy.md', line: 2, column: 1, endLine: 3, endColumn: 12, message: 'Earlier copy of this paragraph' },
        { filePath: '/proj/annex.md', line: 7, column: 3, endLine: 7, endColumn: 40, message: 'Copy in [annex]' },
      ],
      fix: { range: [40, 60], text: '' },
      fixLocation: { title: 'Delete repeated paragraph', line: 3, column: 12, endLine: 5, endColumn: 12 },
    }),
    message({
      ruleId: 'repeated-word',
      severity: 2,
      level: 'error',
      message: 'Repeated word "the"',
      line: 12,
      column: 15,
      endLine: 12,
      endColumn: 22,
      contentHash: 'bbbb',
      fix: { range: [100, 104], text: '' },
      fixLocation: { title: 'Delete repeated "the"', line: 12, column: 18, endLine: 12, endColumn: 22 },
    }),
    message({
      ruleId: 'inconsistent-name',
      severity: 1,
      level: 'warning',
      message: '"U.S." is also written "US"; use one form ("US").',
      line: 14,
      column: 5,
      endLine: 14,
      endColumn: 9,
      contentHash: 'cccc',
      fix: { range: [200, 204], text: 'US' },
      fixLocation: { title: 'Change to "US"', line: 14, column: 5, endLine: 14, endColumn: 9 },
      suggestions: [{ desc: 'Change all to "U.S."', fix: { range: [200, 204], text: 'U.S.' } }],
    }),
    message({ ruleId: 'unsourced-statistic', severity: 0, level: 'info', message: AWKWARD_MESSAGE, line: 20, column: 3, endLine: 20, endColumn: 9, contentHash: 'dddd' }),
  ]),
  file('/proj/clean.txt', []),
  file(AWKWARD_FILE, [
    message({ ruleId: 'possible-name-typo', severity: 0, level: 'hint', message: 'Control \u0001 and \u001b characters, <tags> & "quotes"', line: 1, column: 1, endLine: 1, endColumn: 8, contentHash: 'eeee' }),
  ]),
  file('/elsewhere/outside.md', [message({ ruleId: 'repeated-word', severity: 1, level: 'warning', message: 'Repeated word "a"', line: 2, column: 2, endLine: 2, endColumn: 5, contentHash: 'ffff' })]),
];
