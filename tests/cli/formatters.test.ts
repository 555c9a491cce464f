import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../server/src/cli/color';
import { formatJson, formatStylish } from '../../server/src/cli/formatters';
import type { FileReport } from '../../server/src/cli/report';
import { file, message } from './sample-reports';

const ANSI = /\u001b\[[0-9;]*m/g;

const REPORTS: FileReport[] = [
  file('/proj/docs/policy.md', [
    message({
      line: 4,
      endLine: 4,
      related: [{ filePath: '/proj/docs/policy.md', line: 2, column: 1, endLine: 2, endColumn: 20, message: 'Earlier copy' }],
      fix: { range: [40, 60], text: '' },
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
      suggestions: [{ desc: 'Remove the repeat', fix: { range: [100, 104], text: '' } }],
    }),
    message({ ruleId: 'repeated-word', severity: 0, level: 'info', message: 'Line one\nline two', line: 13, column: 3 }),
  ]),
  file('/proj/clean.txt', []),
  file('/proj/notes.txt', [message({ severity: 0, level: 'hint', message: 'Consider merging', line: 1, column: 1 })]),
];

describe('formatJson', () => {
  const parsed = JSON.parse(formatJson(REPORTS, { cwd: '/proj', color: false })) as Record<string, unknown>[];

  it('lists every linted file, clean ones included, with absolute paths', () => {
    expect(parsed.map((r) => r.filePath)).toEqual(['/proj/docs/policy.md', '/proj/clean.txt', '/proj/notes.txt']);
  });

  it("puts ESLint's keys first, in ESLint's order, and the extras after them", () => {
    expect(Object.keys(parsed[0]!)).toEqual([
      'filePath',
      'messages',
      'errorCount',
      'fatalErrorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
      'infoCount',
    ]);
    const messages = parsed[0]!.messages as Record<string, unknown>[];
    expect(Object.keys(messages[0]!)).toEqual([
      'ruleId',
      'severity',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'fix',
      'level',
      'related',
    ]);
    expect(Object.keys(messages[1]!)).toEqual([
      'ruleId',
      'severity',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'suggestions',
      'level',
      'related',
    ]);
  });

  it('carries every field through unchanged', () => {
    const messages = parsed[0]!.messages as Record<string, unknown>[];
    expect(messages[0]).toEqual({
      ruleId: 'repeated-paragraph',
      severity: 1,
      message: 'This paragraph repeats the paragraph on line 2.',
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 20,
      fix: { range: [40, 60], text: '' },
      level: 'warning',
      related: [{ filePath: '/proj/docs/policy.md', line: 2, column: 1, endLine: 2, endColumn: 20, message: 'Earlier copy' }],
    });
    expect(parsed[0]).toMatchObject({ errorCount: 1, warningCount: 1, infoCount: 1, fixableWarningCount: 1 });
  });

  it('prints an empty array when nothing was linted', () => {
    expect(formatJson([], { cwd: '/proj', color: false })).toBe('[]');
  });
});

describe('formatStylish', () => {
  it('prints aligned rows under a relative path header and a summary, like ESLint', () => {
    const output = formatStylish(REPORTS, { cwd: '/proj', color: false });
    expect(output).toBe(
      [
        '',
        'docs/policy.md',
        '   4:1   warning  This paragraph repeats the paragraph on line 2  repeated-paragraph',
        '  12:15  error    Repeated word "the"                             repeated-word',
        '  13:3   info     Line one line two                               repeated-word',
        '',
        'notes.txt',
        '  1:1  hint  Consider merging  repeated-paragraph',
        '',
        '✖ 4 problems (1 error, 1 warning, 2 infos)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there are no problems', () => {
    expect(formatStylish([file('/proj/clean.txt', [])], { cwd: '/proj', color: false })).toBe('');
    expect(formatStylish([], { cwd: '/proj', color: false })).toBe('');
  });

  it('uses singular words for counts of one', () => {
    const output = formatStylish([file('/proj/a.md', [message({ severity: 2, level: 'error' })])], {
      cwd: '/proj',
      color: false,
    });
    expect(output).toContain('✖ 1 problem (1 error, 0 warnings, 0 infos)');
  });

  it('keeps paths outside the working directory and unnamed stdin readable', () => {
    const output = formatStylish([file('/other/a.md', [message({})]), file('<text>', [message({})])], {
      cwd: '/proj',
      color: false,
    });
    expect(output).toContain('\n../other/a.md\n');
    expect(output).toContain('\n<text>\n');
  });

  it('colours only when asked, without changing the layout', () => {
    const plain = formatStylish(REPORTS, { cwd: '/proj', color: false });
    const coloured = formatStylish(REPORTS, { cwd: '/proj', color: true });
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });
});

describe('colorEnabled', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    // no-color.org: an empty NO_COLOR does not count.
    [true, { NO_COLOR: '' }, true],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
  ] as const)('isTTY=%s env=%j → %s', (isTTY, env, expected) => {
    expect(colorEnabled({ isTTY }, env)).toBe(expected);
  });
});
