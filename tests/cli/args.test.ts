import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../server/src/cli/args';

function options(argv: string[]) {
  const result = parseCliArgs(argv);
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.options;
}

function error(argv: string[]): string {
  const result = parseCliArgs(argv);
  if (result.ok) throw new Error(`expected an error for ${argv.join(' ')}`);
  return result.error;
}

describe('parseCliArgs', () => {
  it('defaults to stylish, no warning limit and the working directory', () => {
    expect(options([])).toEqual({
      patterns: [],
      format: 'stylish',
      maxWarnings: -1,
      quiet: false,
      outputFile: undefined,
      stdin: false,
      stdinFilename: undefined,
      config: undefined,
      noConfig: false,
      ignorePath: undefined,
      printConfig: undefined,
      rules: {},
      fix: false,
      fixDryRun: false,
      concurrency: 'auto',
      cache: false,
      cacheLocation: undefined,
      shard: undefined,
      maxFileBytes: 5 * 1024 * 1024,
      errorOnUnmatchedPattern: true,
      help: false,
      version: false,
    });
  });

  it('reads the speed and CI options', () => {
    expect(options(['--concurrency', '3', '--cache', '--cache-location', 'ci/.cache', '--shard', '2/4'])).toMatchObject({
      concurrency: 3,
      cache: true,
      cacheLocation: 'ci/.cache',
      shard: { index: 2, count: 4 },
    });
    expect(options(['--concurrency', 'AUTO']).concurrency).toBe('auto');
    expect(options(['--max-file-size', '500kb']).maxFileBytes).toBe(500 * 1024);
    expect(options(['--max-file-size', '2 MB']).maxFileBytes).toBe(2 * 1024 * 1024);
    expect(options(['--max-file-size', '1234']).maxFileBytes).toBe(1234);
    expect(options(['--no-error-on-unmatched-pattern']).errorOnUnmatchedPattern).toBe(false);
  });

  it('reads config options', () => {
    expect(options(['--config', 'ci/policylint.yaml'])).toMatchObject({ config: 'ci/policylint.yaml', noConfig: false });
    expect(options(['-c', 'x.json']).config).toBe('x.json');
    expect(options(['--no-config'])).toMatchObject({ config: undefined, noConfig: true });
  });

  it('collects --rule overrides, the last one for an id winning', () => {
    const parsed = options(['--rule', 'repeated-word:error', '--rule=repeated-paragraph : off', '--rule', 'repeated-word:hint']);
    expect(parsed.rules).toEqual({ 'repeated-word': 'hint', 'repeated-paragraph': 'off' });
  });

  it('reads the fix modes', () => {
    expect(options(['--fix'])).toMatchObject({ fix: true, fixDryRun: false });
    expect(options(['--fix-dry-run'])).toMatchObject({ fix: false, fixDryRun: true });
    expect(options(['--stdin', '--fix']).fix).toBe(true);
  });

  it('reads paths, format and limits in any order', () => {
    const parsed = options(['docs', '-f', 'json', '--max-warnings', '3', 'a.md', '--max-warnings=0']);
    expect(parsed.patterns).toEqual(['docs', 'a.md']);
    expect(parsed.format).toBe('json');
    expect(parsed.maxWarnings).toBe(0);
  });

  it('accepts every CI format', () => {
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle']) expect(options(['--format', format]).format).toBe(format);
  });

  it('reads the report options: --output-file (and ESLint\'s -o) and --quiet', () => {
    expect(options(['--output-file', 'reports/policylint.sarif', '--quiet'])).toMatchObject({ outputFile: 'reports/policylint.sarif', quiet: true });
    expect(options(['-o', 'out.json']).outputFile).toBe('out.json');
  });

  it('reads --ignore-path and --print-config', () => {
    expect(options(['--ignore-path', '.gitignore']).ignorePath).toBe('.gitignore');
    expect(options(['--print-config', 'docs/a.md', '--rule', 'repeated-word:off'])).toMatchObject({ printConfig: 'docs/a.md', patterns: [] });
  });

  it('accepts -1 for "no limit" as ESLint does', () => {
    expect(options(['--max-warnings=-1']).maxWarnings).toBe(-1);
  });

  it('reads stdin options', () => {
    const parsed = options(['--stdin', '--stdin-filename', 'draft.md']);
    expect(parsed.stdin).toBe(true);
    expect(parsed.stdinFilename).toBe('draft.md');
  });

  it('treats arguments after -- as paths even when they look like flags', () => {
    expect(options(['--', '--weird-name.md']).patterns).toEqual(['--weird-name.md']);
  });

  it.each([
    [['--bogus'], /^unknown option '--bogus'/],
    [['-x'], /^unknown option '-x'/],
    [['--format'], /argument missing/],
    [['--format', 'xml'], /^unknown format "xml"; use one of stylish, json, sarif, github, junit, checkstyle$/],
    [['--output-file'], /argument missing/],
    [['--output-file', ''], /^--output-file must name a file$/],
    [['--ignore-path', ' '], /^--ignore-path must name a file$/],
    [['--print-config', ''], /^--print-config must name a file$/],
    [['--print-config', 'a.md', 'b.md'], /^--print-config takes one file and cannot be combined with file arguments$/],
    [['--print-config', 'a.md', '--stdin'], /^--print-config cannot be combined with --stdin$/],
    [['--max-warnings', 'many'], /--max-warnings must be a whole number/],
    [['--max-warnings', '1.5'], /--max-warnings must be a whole number/],
    [['--max-warnings=-2'], /--max-warnings must be a whole number/],
    [['--stdin-filename', 'a.md'], /--stdin-filename needs --stdin/],
    [['--stdin', 'a.md'], /--stdin cannot be combined with file arguments/],
    [['--help=yes'], /does not take an argument/],
    [['--config', 'a.yaml', '--no-config'], /^--config and --no-config cannot be used together$/],
    [['--config', ' '], /^--config must name a file$/],
    [['--rule', 'repeated-word'], /^--rule takes id:severity \(e.g. repeated-word:error\), not "repeated-word"$/],
    [['--rule', 'no-such-rule:error'], /^--rule: unknown rule "no-such-rule"; known rules: .*repeated-word/],
    [['--rule', 'repeated-word:loud'], /^--rule: severity of "repeated-word" must be one of error, warning, info, hint, off, not "loud"$/],
    [['--fix', '--fix-dry-run'], /^--fix and --fix-dry-run cannot be used together$/],
  ])('rejects %j with a one-line message', (argv, pattern) => {
    const message = error(argv);
    expect(message).toMatch(pattern);
    expect(message).not.toMatch(/\n/);
  });
});
