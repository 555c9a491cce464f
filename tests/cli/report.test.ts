import { describe, expect, it } from 'vitest';
import type { DocumentResult, Finding } from '../../server/src/engine';
import { buildReports, errorsOnly, totalsOf, type LintedSource } from '../../server/src/cli/report';

const A_TEXT = '# Title\r\n\r\nThe the cat sat.\r\nA 😀 smile here.\r\n';
const B_TEXT = '\uFEFFFirst line.\nThe cat sat.\n';
const A: LintedSource = { uri: '/proj/a.md', filePath: '/proj/a.md', text: A_TEXT, languageId: 'markdown' };
const B: LintedSource = { uri: '/proj/b.txt', filePath: '/proj/b.txt', text: B_TEXT, languageId: 'plaintext' };

/** [start, end) of the first occurrence of `needle`, so tests read as text rather than numbers. */
function span(text: string, needle: string): [number, number] {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  return [start, start + needle.length];
}

function finding(overrides: Partial<Finding> & Pick<Finding, 'range'>): Finding {
  return { ruleId: 'repeated-word', severity: 'warning', message: 'Repeated word', ...overrides };
}

describe('buildReports', () => {
  it('turns offsets into 1-based lines and UTF-16 columns across CRLF lines', () => {
    const results: DocumentResult[] = [
      { uri: A.uri, findings: [finding({ range: span(A_TEXT, 'The the') }), finding({ range: span(A_TEXT, 'smile') })] },
    ];
    const [report] = buildReports(results, [A]);
    expect(report!.messages.map(({ line, column, endLine, endColumn }) => [line, column, endLine, endColumn])).toEqual([
      [3, 1, 3, 8],
      // "A 😀 " is 5 UTF-16 code units, so "smile" starts at column 6.
      [4, 6, 4, 11],
    ]);
  });

  it('maps severities to ESLint numbers and counts them', () => {
    const results: DocumentResult[] = [
      {
        uri: A.uri,
        findings: [
          finding({ range: [0, 1], severity: 'error' }),
          finding({ range: [1, 2], severity: 'warning' }),
          finding({ range: [2, 3], severity: 'info' }),
          finding({ range: [3, 4], severity: 'hint' }),
        ],
      },
      { uri: B.uri, findings: [finding({ range: [1, 2], severity: 'error' })] },
    ];
    const reports = buildReports(results, [A, B]);
    expect(reports[0]!.messages.map((m) => [m.severity, m.level])).toEqual([
      [2, 'error'],
      [1, 'warning'],
      [0, 'info'],
      [0, 'hint'],
    ]);
    expect(reports[0]).toMatchObject({ errorCount: 1, warningCount: 1, infoCount: 2, fatalErrorCount: 0 });
    expect(totalsOf(reports)).toEqual({ errorCount: 2, warningCount: 1, infoCount: 2 });
  });

  it('numbers related locations in their own file, discounting its BOM', () => {
    const results: DocumentResult[] = [
      {
        uri: A.uri,
        findings: [
          finding({
            ruleId: 'repeated-paragraph',
            range: span(A_TEXT, 'The the cat sat.'),
            related: [
              { uri: B.uri, range: span(B_TEXT, 'The cat sat.'), message: 'Earlier copy' },
              { uri: B.uri, range: span(B_TEXT, 'First'), message: 'Another place' },
              // Not a linted document: no text to number it with.
              { uri: '/elsewhere.md', range: [0, 4], message: 'Lost' },
            ],
          }),
        ],
      },
      { uri: B.uri, findings: [] },
    ];
    const [report] = buildReports(results, [A, B]);
    expect(report!.messages[0]!.related).toEqual([
      { filePath: '/proj/b.txt', line: 2, column: 1, endLine: 2, endColumn: 13, message: 'Earlier copy' },
      { filePath: '/proj/b.txt', line: 1, column: 1, endLine: 1, endColumn: 6, message: 'Another place' },
    ]);
  });

  it('reports the first safe fix as ESLint `fix` and the others as suggestions', () => {
    const duplicate = span(A_TEXT, 'the ');
    const results: DocumentResult[] = [
      {
        uri: A.uri,
        findings: [
          finding({
            range: span(A_TEXT, 'The the'),
            fixes: [
              { title: 'Keep "The the"', edits: [], safe: false },
              { title: 'Remove the repeat', edits: [{ range: duplicate, newText: '' }], safe: true },
              {
                title: 'Rewrite both lines',
                safe: false,
                edits: [
                  { range: span(A_TEXT, 'The the'), newText: 'The' },
                  { range: span(A_TEXT, 'smile'), newText: 'grin' },
                ],
              },
              { title: 'Touch another file', safe: true, edits: [{ uri: B.uri, range: [1, 6], newText: 'x' }] },
            ],
          }),
        ],
      },
    ];
    const [report] = buildReports(results, [A]);
    const [message] = report!.messages;
    expect(message!.fix).toEqual({ range: duplicate, text: '' });
    const [rewriteStart] = span(A_TEXT, 'The the');
    const [, rewriteEnd] = span(A_TEXT, 'smile');
    const lineEnd = A_TEXT.indexOf('\r', rewriteStart);
    expect(message!.suggestions).toEqual([
      {
        desc: 'Rewrite both lines',
        fix: { range: [rewriteStart, rewriteEnd], text: 'The cat sat.\r\nA 😀 grin' },
      },
      // Last, as in the editor's menu: the directive comment that silences the rule on this line.
      { desc: 'Disable repeated-word for this line', fix: { range: [lineEnd, lineEnd], text: ' <!-- policylint-disable-line repeated-word -->' } },
    ]);
    expect(report!.fixableWarningCount).toBe(1);
    expect(report!.fixableErrorCount).toBe(0);
    // Where the fix applies, in lines and columns, and its title: what SARIF's `fixes` are made of.
    expect(message!.fixLocation).toEqual({ title: 'Remove the repeat', line: 3, column: 5, endLine: 3, endColumn: 9 });
  });

  it('hashes the flagged text so that whitespace and line endings do not matter but the words do', () => {
    const wrapped: LintedSource = { uri: '/proj/w.md', filePath: '/proj/w.md', text: 'x\r\n  The the\r\n cat sat.', languageId: 'markdown' };
    const results = (source: LintedSource, needle: string): DocumentResult[] => [{ uri: source.uri, findings: [finding({ range: span(source.text, needle) })] }];
    const hash = (source: LintedSource, needle: string): string => buildReports(results(source, needle), [source])[0]!.messages[0]!.contentHash;
    expect(hash(A, 'The the cat sat.')).toMatch(/^[0-9a-f]{64}$/);
    expect(hash(wrapped, 'The the\r\n cat sat.')).toBe(hash(A, 'The the cat sat.'));
    expect(hash(B, 'The cat sat.')).not.toBe(hash(A, 'The the cat sat.'));
  });

  it('leaves out fix keys when a finding has no usable fix', () => {
    // A broken directive: no fix of its own, and no directive can silence it.
    const [report] = buildReports([{ uri: A.uri, findings: [finding({ range: [0, 1], ruleId: 'invalid-directive' })] }], [A]);
    expect(Object.keys(report!.messages[0]!)).not.toContain('fix');
    expect(Object.keys(report!.messages[0]!)).not.toContain('suggestions');
  });

  it('keeps only errors for --quiet, with counts to match, and keeps files left with nothing', () => {
    const results: DocumentResult[] = [
      {
        uri: A.uri,
        findings: [
          finding({ range: [0, 1], severity: 'error' }),
          finding({ range: span(A_TEXT, 'The the'), severity: 'warning', fixes: [{ title: 'x', safe: true, edits: [{ range: [0, 1], newText: '' }] }] }),
          finding({ range: [2, 3], severity: 'info' }),
        ],
      },
      { uri: B.uri, findings: [finding({ range: [1, 2], severity: 'hint' })] },
    ];
    const quiet = errorsOnly(buildReports(results, [A, B]));
    expect(quiet.map((r) => r.filePath)).toEqual([A.filePath, B.filePath]);
    expect(quiet[0]!.messages.map((m) => m.level)).toEqual(['error']);
    expect(quiet[0]).toMatchObject({ errorCount: 1, warningCount: 0, infoCount: 0, fixableWarningCount: 0 });
    expect(quiet[1]!.messages).toEqual([]);
    expect(totalsOf(quiet)).toEqual({ errorCount: 1, warningCount: 0, infoCount: 0 });
  });

  it('refuses a result for a document it was not given, rather than guessing positions', () => {
    expect(() => buildReports([{ uri: '/nowhere.md', findings: [] }], [A])).toThrow(/no source text/);
  });
});
