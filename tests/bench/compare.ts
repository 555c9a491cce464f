/**
 * policylint beside other prose linters (issue 8, item 2): wall time of the
 * built CLI (`server/out/cli.js --format json`), `alex`, and `textlint`
 * with `textlint-rule-write-good`, on the same folder
 * (`../shared/corpus/crs-reports/` by default, or `--dir DIR`), each run as
 * a child process from a cold start, and each tool's time as a multiple of
 * policylint's. The tools are devDependencies run from `node_modules`, with
 * no config file (`--no-textlintrc --rule write-good`), so nothing is
 * downloaded and nothing is written to the repository.
 *
 * No assertions: figures for people and for comparing commits. `--json`
 * prints the rows as JSON; `--runs N` takes the best of N runs per tool.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusRoot } from './corpus';

const argv = process.argv.slice(2);
const asJson = argv.includes('--json');
const option = (name: string): string | undefined => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};
const RUNS = Math.max(1, Number(option('--runs') ?? 1));
const DEADLINE_MS = 20 * 60_000;
const ROOT = resolve(__dirname, '../..');

interface Tool {
  readonly name: string;
  readonly args: (dir: string) => string[];
  /** Problems reported, read from the tool's output where it is machine-readable. */
  readonly problems?: (stdout: string) => number;
}

const TOOLS: readonly Tool[] = [
  {
    name: 'policylint',
    args: (dir) => [join(ROOT, 'server/out/cli.js'), '--format', 'json', dir],
    problems: (stdout) => (JSON.parse(stdout) as { messages: unknown[] }[]).reduce((n, file) => n + file.messages.length, 0),
  },
  {
    name: 'alex',
    args: (dir) => [join(ROOT, 'node_modules/alex/cli.js'), '--quiet', `${dir}/**/*.md`],
  },
  {
    name: 'textlint + write-good',
    args: (dir) => [join(ROOT, 'node_modules/textlint/bin/textlint.js'), '--no-textlintrc', '--rule', 'write-good', '--format', 'json', dir],
    problems: (stdout) => (JSON.parse(stdout) as { messages: unknown[] }[]).reduce((n, file) => n + file.messages.length, 0),
  },
];

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const stats = statSync(full);
    if (stats.isDirectory()) {
      const inner = folderSize(full);
      files += inner.files;
      bytes += inner.bytes;
    } else if (/\.(md|markdown|txt)$/i.test(name)) {
      files++;
      bytes += stats.size;
    }
  }
  return { files, bytes };
}

type Row = Record<string, string | number>;

function main(): void {
  const dir = option('--dir') ?? (corpusRoot() ? join(corpusRoot()!, 'crs-reports') : undefined);
  if (!dir || !existsSync(dir)) {
    console.error('compare: ../shared/corpus/crs-reports not found (or --dir missing); skipped');
    return;
  }
  const { files, bytes } = folderSize(dir);
  const rows: Row[] = [];
  for (const tool of TOOLS) {
    let best = Infinity;
    let status = '';
    let problems: number | string = '-';
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const child = spawnSync(process.execPath, tool.args(dir), { cwd: ROOT, encoding: 'utf8', timeout: DEADLINE_MS, maxBuffer: 1 << 30 });
      const ms = performance.now() - start;
      best = Math.min(best, ms);
      // Linters exit 1 when they find problems; only a signal, a deadline or exit 2+ means the run failed.
      status = child.error ? `failed: ${child.error.message}` : child.signal ? `killed by ${child.signal}` : `exit ${child.status}`;
      if (tool.problems && child.stdout) {
        try {
          problems = tool.problems(child.stdout);
        } catch {
          problems = 'unreadable';
        }
      } else if (tool.name === 'alex') {
        // alex reports on stderr, one line per problem ("  12:5-12:10  warning  ...").
        problems = (child.stderr.match(/^\s+\d+:\d+(?:-\d+:\d+)?\s+(?:warning|error)\s/gm) ?? []).length;
      }
    }
    rows.push({ tool: tool.name, files, MB: (bytes / 1e6).toFixed(2), runs: RUNS, ms: Math.round(best), status, problems });
  }
  const base = Number(rows[0]!.ms);
  for (const row of rows) row['× policylint'] = (Number(row.ms) / base).toFixed(1);

  if (asJson) {
    console.log(JSON.stringify({ dir, machine: `${process.platform} ${process.arch}, node ${process.version}`, rows }, null, 2));
    return;
  }
  console.log(`compare: ${dir}`);
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((c) => String(row[c]))));
}

main();
