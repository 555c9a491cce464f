/**
 * Compares this working tree's build with the build of another commit, run
 * alternately on the same workload, for changes smaller than the spread
 * between runs: on the development machine the same build's p95 differs by
 * up to 20% from one run to the next, so two figures from two bench runs
 * cannot tell a 5% change. Each round runs the CLI once cold on
 * `crs-reports` (one worker) and the language-server edit latency (see
 * lsp-latency.ts, with its workload from this tree) with each build, the
 * order alternating; it prints every round and the median per build.
 *
 *   node server/scripts/run-ts.mjs tests/bench/ab.ts REF [--rounds N] [--only=300k,2m] [--edits N]
 *
 * REF is built in a temporary git worktree that borrows this tree's
 * node_modules (so a REF with other dependencies is not comparable). Run
 * `npm run build` here first. No assertions; nothing is downloaded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpusRoot } from './corpus';

const argv = process.argv.slice(2);
/** The first argument that is neither an option nor an option's value. */
const ref = argv.find((arg, i) => !arg.startsWith('--') && !(i > 0 && /^--(rounds|only|edits)$/.test(argv[i - 1]!)));
const option = (name: string, fallback: string): string => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1]! : argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
};
const ROUNDS = Number(option('rounds', '3'));
const ONLY = option('only', '300k,2m');
const EDITS = option('edits', '200');
const here = resolve(__dirname, '../..');

interface Build {
  readonly name: string;
  readonly root: string;
}

/** Figures of one run of one build, by label ("300 KB p95", "CLI s"). */
type Figures = Record<string, number>;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: here, encoding: 'utf8' }).trim();
}

/** The edit-latency rows of lsp-latency.ts for the server of `build`. */
function latency(build: Build): Figures {
  const run = spawnSync(
    process.execPath,
    [join(here, 'server/scripts/run-ts.mjs'), join(here, 'tests/bench/lsp-latency.ts'), '--json', `--only=${ONLY}`, '--edits', EDITS, `--server=${join(build.root, 'server/out/server.js')}`],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (run.status !== 0) throw new Error(`lsp-latency failed for ${build.name}: ${run.stderr}`);
  const { rows } = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { rows: Record<string, string | number>[] };
  const figures: Figures = {};
  for (const row of rows) {
    if (row['p50 ms'] === undefined) continue;
    figures[`${row.draft} p50 ms`] = Number(row['p50 ms']);
    figures[`${row.draft} p95 ms`] = Number(row['p95 ms']);
  }
  return figures;
}

/** Seconds of one cold CLI run of `build` on `crs-reports`, one worker. */
function cli(build: Build, corpus: string): Figures {
  const start = performance.now();
  const run = spawnSync(process.execPath, [join(build.root, 'server/out/cli.js'), '--concurrency', '1', '--format', 'json', join(corpus, 'crs-reports')], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`cli failed for ${build.name}: ${run.stderr}`);
  return { 'CLI crs-reports s': Math.round((performance.now() - start) / 10) / 100 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 100) / 100;
}

function main(): void {
  const corpus = corpusRoot();
  if (!ref) {
    console.error('usage: node server/scripts/run-ts.mjs tests/bench/ab.ts REF [--rounds N] [--only=300k,2m] [--edits N]');
    process.exitCode = 2;
    return;
  }
  if (!corpus) {
    console.error('ab: ../shared/corpus not found; skipped');
    return;
  }
  if (!existsSync(join(here, 'server/out/server.js'))) throw new Error('run `npm run build` first');
  const sha = git('rev-parse', '--short', ref);
  const dir = mkdtempSync(join(tmpdir(), 'policylint-ab-'));
  const other: Build = { name: `${ref} (${sha})`, root: join(dir, 'tree') };
  const current: Build = { name: 'this tree', root: here };
  try {
    git('worktree', 'add', '--detach', other.root, sha);
    symlinkSync(join(here, 'node_modules'), join(other.root, 'node_modules'), 'dir');
    execFileSync(process.execPath, ['server/scripts/build.mjs'], { cwd: other.root, stdio: 'inherit' });
    const results = new Map<string, Figures[]>([
      [other.name, []],
      [current.name, []],
    ]);
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which build goes first: a machine that slows down over the run then weighs on both alike.
      const order = round % 2 === 0 ? [other, current] : [current, other];
      for (const build of order) {
        const figures = { ...cli(build, corpus), ...latency(build) };
        results.get(build.name)!.push(figures);
        console.log(`round ${round + 1} ${build.name}: ${Object.entries(figures).map(([label, value]) => `${label} ${value}`).join(', ')}`);
      }
    }
    const labels = Object.keys(results.get(current.name)![0] ?? {});
    console.log(`\nmedian of ${ROUNDS} rounds (${EDITS} edits each)`);
    console.log(`| build | ${labels.join(' | ')} |`);
    console.log(`|---|${labels.map(() => '---').join('|')}|`);
    for (const [name, runs] of results) console.log(`| ${name} | ${labels.map((label) => median(runs.map((figures) => figures[label]!))).join(' | ')} |`);
  } finally {
    try {
      git('worktree', 'remove', '--force', other.root);
    } catch {
      // A worktree never added, or already gone: the folder is removed below either way.
    }
    rmSync(dir, { recursive: true, force: true });
    git('worktree', 'prune');
  }
}

main();
