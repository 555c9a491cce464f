/**
 * The built CLI as CI runs it, as a child process: wall time and peak memory
 * (RSS, worker threads included) on ../shared/corpus/crs-reports and on the
 * whole corpus, with `--concurrency 1` and `auto`, cold (empty cache) and
 * with a warm `--cache`. Prints a table, or JSON with --json. No assertions.
 *
 * Run: node server/scripts/run-ts.mjs tests/bench/cli-runs.ts [--json]
 * (after `npm run build`; `npm run bench` does both).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { discoverFiles } from '../../server/src/cli/files';
import { resolveConcurrency } from '../../server/src/cli/pool';
import { corpusRoot } from './corpus';

const asJson = process.argv.includes('--json');
const CLI = join(__dirname, '../../server/out/cli.js');
const GNU_TIME = '/usr/bin/time';

interface Measure {
  readonly exit: number;
  readonly seconds: number;
  /** Peak resident set size in MB. */
  readonly peakMB: number;
}

/**
 * Runs the CLI once. Peak memory from GNU time's "Maximum resident set size"
 * when it is installed, else from the child's own `process.resourceUsage()`
 * written at exit by a preloaded script.
 */
function measure(args: readonly string[], cwd: string, scratch: string): Measure {
  const report = join(scratch, 'rss.txt');
  rmSync(report, { force: true });
  const useTime = existsSync(GNU_TIME);
  const preload = join(scratch, 'rss-preload.cjs');
  if (!useTime) {
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`);
  }
  const command = useTime ? GNU_TIME : process.execPath;
  const argv = useTime ? ['-v', '-o', report, process.execPath, CLI, ...args] : ['-r', preload, CLI, ...args];
  const started = performance.now();
  const run = spawnSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
  const kilobytes = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? Number.NaN) : Number(text);
  if (run.status === 2) console.error(`bench: policylint ${args.join(' ')} exited 2: ${run.stderr.split('\n')[0]}`);
  return { exit: run.status ?? -1, seconds, peakMB: kilobytes / 1024 };
}

const rows: Record<string, string | number>[] = [];

/** Measures every combination in turn, so runs never compete with each other for the cores. */
async function main(): Promise<void> {
  const root = corpusRoot();
  if (!existsSync(CLI)) {
    console.error(`bench: ${CLI} is missing; run "npm run build" first`);
  } else if (!root) {
    console.error('bench: ../shared/corpus not found; CLI runs skipped');
  } else {
    const scratch = mkdtempSync(join(tmpdir(), 'policylint-cli-runs-'));
    try {
      for (const target of [join(root, 'crs-reports'), root]) {
        const files = (await discoverFiles([target], scratch)).files;
        const megabytes = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
        for (const concurrency of ['1', 'auto'] as const) {
          const threads = resolveConcurrency(concurrency === 'auto' ? 'auto' : 1, files.length);
          const cache = join(scratch, `${basename(target)}-${concurrency}.cache`);
          // Same flags both times: the first run fills the cache, the second reads it.
          const args = ['--format', 'json', '--cache', '--cache-location', cache, '--concurrency', concurrency, target];
          for (const state of ['cold', 'warm cache'] as const) {
            const result = measure(args, scratch, scratch);
            rows.push({
              corpus: target === root ? 'all corpus' : basename(target),
              files: files.length,
              MB: megabytes.toFixed(1),
              // A warm run analyses no file, so it starts no worker whatever was asked; one thread is the main thread, no worker.
              concurrency: concurrency === 'auto' ? `auto (${state === 'cold' && threads > 1 ? `${threads} workers` : 'main thread'})` : concurrency,
              run: state,
              exit: result.exit,
              'wall s': result.seconds.toFixed(2),
              'peak RSS MB': Math.round(result.peakMB),
            });
            if (!asJson) console.error(`bench: ${rows[rows.length - 1]!.corpus} concurrency ${concurrency} ${state}: ${result.seconds.toFixed(2)} s`);
          }
        }
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  print();
}

/** The table (or JSON) of every run, with the machine it ran on. */
function print(): void {
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`;
  if (asJson) {
    console.log(JSON.stringify({ bench: 'cli-runs', machine, rows }, null, 2));
  } else if (rows.length > 0) {
    const columns = Object.keys(rows[0]!);
    const width = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
    const line = (cells: readonly string[]): string => cells.map((cell, i) => cell.padEnd(width[i]!)).join('  ').trimEnd();
    console.log(`CLI runs (${machine})`);
    console.log(line(columns));
    console.log(line(width.map((w) => '-'.repeat(w))));
    for (const row of rows) console.log(line(columns.map((column) => String(row[column]))));
  }
}

void main();
