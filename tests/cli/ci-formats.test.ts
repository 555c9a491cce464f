// The CI formats other than SARIF (github, junit, checkstyle) on the fixed
// result set of sample-reports.ts, with the escaping edge cases each one has.
import { describe, expect, it } from 'vitest';
import { formatCheckstyle, formatGithub, formatJunit } from '../../server/src/cli/formatters';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { xmlAttribute, xmlText } from '../../server/src/cli/formatters/xml';
import { AWKWARD_FILE, AWKWARD_MESSAGE, CI_REPORTS, CWD, file, message } from './sample-reports';
import { findAll, parseXml } from './xml-tree';

const options = { cwd: CWD, color: false };

/** The runner's side of the escaping, to show that every value comes back exactly. */
function unescapeGithub(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));
}

describe('github', () => {
  const output = formatGithub(CI_REPORTS, options);
  const lines = output.split('\n');

  it('prints one workflow command per finding, with the level as the command and the rule as the title', () => {
    expect(output.endsWith('\n')).toBe(true);
    expect(lines.slice(0, 3)).toEqual([
      '::warning file=docs/policy.md,line=4,col=1,endLine=5,endColumn=12,title=repeated-paragraph::This paragraph repeats the paragraph on line 2.',
      '::error file=docs/policy.md,line=12,col=15,endLine=12,endColumn=22,title=repeated-word::Repeated word "the"',
      '::warning file=docs/policy.md,line=14,col=5,endLine=14,endColumn=9,title=inconsistent-name::"U.S." is also written "US"; use one form ("US").',
    ]);
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('');
  });

  it('makes info and hint findings notices', () => {
    expect(lines[3]!.startsWith('::notice file=docs/policy.md,line=20,col=3,endLine=20,endColumn=9,title=unsourced-statistic::')).toBe(true);
    expect(lines[4]!.startsWith('::notice ')).toBe(true);
  });

  it('escapes %, CR and LF in the message but leaves its colons and commas alone', () => {
    expect(lines[3]!.split('::')[2]).toBe('Figure "50%25" is unsourced: cite it, or say who gives it.%0D%0ASecond line%0Athird');
    expect(unescapeGithub(lines[3]!.slice(lines[3]!.indexOf('::', 2) + 2))).toBe(AWKWARD_MESSAGE);
  });

  it('also escapes colons and commas in a file name, so the properties still split correctly', () => {
    expect(lines[4]!).toMatch(/^::notice file=drafts\/brief%2C v2%3A final\.md,line=1,col=1,/);
    const properties = lines[4]!.slice('::notice '.length, lines[4]!.indexOf('::', 2)).split(',');
    expect(properties.map((p) => p.split('=')[0])).toEqual(['file', 'line', 'col', 'endLine', 'endColumn', 'title']);
    expect(unescapeGithub(properties[0]!.slice('file='.length))).toBe('drafts/brief, v2: final.md');
    expect(AWKWARD_FILE.endsWith('drafts/brief, v2: final.md')).toBe(true);
  });

  it('implements the escaping rules on their own', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
    // % first: an escaped sequence must not be escaped again.
    expect(escapeProperty('%0A')).toBe('%250A');
  });

  it('prints nothing when nothing was found', () => {
    expect(formatGithub([file('/proj/clean.md', [])], options)).toBe('');
    expect(formatGithub([], options)).toBe('');
  });
});

describe('junit', () => {
  const root = parseXml(formatJunit(CI_REPORTS, options));
  const suites = findAll(root, 'testsuite');
  const cases = findAll(root, 'testcase');

  it('has one test suite for the run and one test case per linted file, clean files included', () => {
    expect(root.name).toBe('testsuites');
    expect(suites).toHaveLength(1);
    expect(suites[0]!.attributes).toMatchObject({ name: 'policylint', tests: '4', failures: '2', errors: '0' });
    expect(root.attributes).toMatchObject({ tests: '4', failures: '2' });
    expect(cases.map((c) => c.attributes.name)).toEqual(['docs/policy.md', 'clean.txt', 'drafts/brief, v2: final.md', '../elsewhere/outside.md']);
    expect(cases[1]!.children).toEqual([]);
  });

  it('gives each error and warning a failure typed by its rule, with the message and the location', () => {
    const failures = findAll(cases[0]!, 'failure');
    expect(failures.map((f) => [f.attributes.type, f.attributes.message])).toEqual([
      ['repeated-paragraph', 'This paragraph repeats the paragraph on line 2.'],
      ['repeated-word', 'Repeated word "the"'],
      ['inconsistent-name', '"U.S." is also written "US"; use one form ("US").'],
    ]);
    expect(failures[0]!.text).toBe(
      [
        'docs/policy.md:4:1: warning This paragraph repeats the paragraph on line 2. (repeated-paragraph)',
        '  docs/policy.md:2:1: Earlier copy of this paragraph',
        '  annex.md:7:3: Copy in [annex]',
      ].join('\n'),
    );
  });

  it('lists info and hint findings as output rather than failures, since they never fail the run', () => {
    expect(findAll(cases[0]!, 'system-out')[0]!.text).toBe(`docs/policy.md:20:3: info ${AWKWARD_MESSAGE} (unsourced-statistic)`);
    expect(findAll(cases[2]!, 'failure')).toEqual([]);
    expect(findAll(cases[2]!, 'system-out')[0]!.text).toContain('hint Control \uFFFD and \uFFFD characters, <tags> & "quotes"');
  });

  it('keeps line breaks, quotes and markup in a failure message attribute, and replaces characters XML 1.0 forbids', () => {
    const xml = formatJunit([file('/proj/a.md', [message({ message: `${AWKWARD_MESSAGE}\t<b>&'\u0000\uFFFF\uD800` })])], options);
    const [failure] = findAll(parseXml(xml), 'failure');
    expect(failure!.attributes.message).toBe(`${AWKWARD_MESSAGE}\t<b>&'\uFFFD\uFFFD\uFFFD`);
  });

  it('is a valid, empty suite when nothing was linted', () => {
    const empty = parseXml(formatJunit([], options));
    expect(findAll(empty, 'testsuite')[0]!.attributes).toMatchObject({ tests: '0', failures: '0' });
    expect(findAll(empty, 'testcase')).toEqual([]);
  });
});

describe('checkstyle', () => {
  const root = parseXml(formatCheckstyle(CI_REPORTS, options));
  const files = findAll(root, 'file');

  it('is a version 4.3 document with every file under its absolute path', () => {
    expect(root.name).toBe('checkstyle');
    expect(root.attributes.version).toBe('4.3');
    expect(files.map((f) => f.attributes.name)).toEqual(['/proj/docs/policy.md', '/proj/clean.txt', AWKWARD_FILE, '/elsewhere/outside.md']);
    expect(files[1]!.children).toEqual([]);
  });

  it('has one error element per finding, with line, column, severity, message and source', () => {
    expect(findAll(files[0]!, 'error').map((e) => e.attributes)).toEqual([
      { line: '4', column: '1', severity: 'warning', message: 'This paragraph repeats the paragraph on line 2.', source: 'policylint.repeated-paragraph' },
      { line: '12', column: '15', severity: 'error', message: 'Repeated word "the"', source: 'policylint.repeated-word' },
      { line: '14', column: '5', severity: 'warning', message: '"U.S." is also written "US"; use one form ("US").', source: 'policylint.inconsistent-name' },
      { line: '20', column: '3', severity: 'info', message: AWKWARD_MESSAGE, source: 'policylint.unsourced-statistic' },
    ]);
  });

  it('reports hints as info, and replaces control characters while escaping markup', () => {
    expect(findAll(files[2]!, 'error')[0]!.attributes).toMatchObject({
      severity: 'info',
      message: 'Control \uFFFD and \uFFFD characters, <tags> & "quotes"',
      source: 'policylint.possible-name-typo',
    });
  });
});

describe('XML escaping', () => {
  it('escapes markup in text and attributes, and quotes and whitespace in attributes only', () => {
    expect(xmlText(`a<b>&"c"'d'\r\n\te`)).toBe(`a&lt;b&gt;&amp;"c"'d'&#13;\n\te`);
    expect(xmlAttribute(`a<b>&"c"'d'\r\n\te`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#13;&#10;&#9;e');
  });

  it('is checked by a parser that rejects what XML 1.0 forbids, raw or as a reference (a guard on these tests)', () => {
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/disallowed character/);
    expect(() => parseXml('<a b="&#1;"/>')).toThrow(/character entity/);
  });

  it('replaces C0 controls, U+FFFE, U+FFFF and lone surrogates, and keeps surrogate pairs', () => {
    expect(xmlText('\u0000\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800x\uDC00 😀 \u0085\u2028')).toBe(
      '\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDx\uFFFD 😀 \u0085\u2028',
    );
  });
});
