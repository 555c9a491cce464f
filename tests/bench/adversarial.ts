/**
 * Adversarial inputs with a time bound (issue 9): each must finish in
 * roughly linear time. Prints size, time and MB/s per input; run by
 * `npm run bench` (no assertions here: figures for people and commits).
 * Each input runs in a child process with a deadline, so one that hangs is
 * reported as such instead of stopping the benchmark.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEADLINE_MS = 120_000;
const SENTENCE = 'The Committee noted that inflation remained elevated, according to the staff report.';

const inputs: [name: string, ext: string, make: () => string][] = [
  ['5 MB single line', 'txt', () => `${SENTENCE} `.repeat(Math.ceil(5e6 / (SENTENCE.length + 1))).slice(0, 5e6)],
  ['100,000 one-word paragraphs', 'md', () => Array.from({ length: 100_000 }, (_, i) => `word${i % 97}`).join('\n\n')],
  ['50,000 repetitions of one paragraph', 'md', () => Array(50_000).fill(SENTENCE).join('\n\n')],
  ['1 MB run of one character', 'txt', () => 'a'.repeat(1e6)],
  ['1 MB of dots', 'md', () => '.'.repeat(1e6)],
  ['10,000 acronyms', 'md', () => Array.from({ length: 10_000 }, (_, i) => `ABC${String.fromCharCode(65 + (i % 26))}${i % 7}`).join(' ')],
  ['nested lists in quotes, 2,000 deep', 'md', () => Array.from({ length: 2000 }, (_, i) => `${'> '.repeat(i % 50)}- item ${i}`).join('\n')],
  ['unterminated fence and 100,000 lines', 'md', () => '```\n' + 'code line\n\nmore\n'.repeat(33_000)],
  ['table of 20,000 rows', 'md', () => '| a | b |\n|---|---|\n' + '| 70% | $3 billion |\n'.repeat(20_000)],
  ['100,000 citations', 'md', () => 'Growth was 3% [1]. '.repeat(100_000)],
  ['100,000 citations after a stray *', 'md', () => 'A *stray star. ' + 'Growth was 3% [1]. '.repeat(100_000)],
  ['200,000 capitalised words', 'txt', () => 'Mr Smith Of The United States Department '.repeat(30_000)],
];

const dir = mkdtempSync(join(tmpdir(), 'policylint-adversarial-'));
const cli = join(__dirname, '../../server/out/cli.js');
try {
  for (const [name, ext, make] of inputs) {
    const text = make();
    const file = join(dir, `input.${ext}`);
    writeFileSync(file, text);
    const start = performance.now();
    const run = spawnSync(process.execPath, [cli, '--format', 'json', '--no-config', file], { encoding: 'utf8', timeout: DEADLINE_MS, maxBuffer: 1 << 30 });
    const ms = performance.now() - start;
    const status = run.error ? `timed out after ${DEADLINE_MS / 1000} s` : `exit ${run.status}`;
    const findings = run.status !== null && run.stdout ? (JSON.parse(run.stdout) as { messages: unknown[] }[])[0]?.messages.length ?? 0 : '-';
    console.log(`bench=adversarial  input="${name}"  MB=${(text.length / 1e6).toFixed(2)}  ms=${Math.round(ms)}  MB/s=${(text.length / 1e6 / (ms / 1000)).toFixed(2)}  ${status}  findings=${findings}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
