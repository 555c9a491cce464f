// Running the built command (`server/out/cli.js`) as a real process, the way
// users and CI run it; `npm test` builds before testing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'server/out/cli.js');
export const SEED = path.join(ROOT, 'tests/fixtures/seed-article.txt');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface JsonMessage {
  ruleId: string;
  severity: number;
  level: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: { filePath: string; line: number; column: number; message: string }[];
}
export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  output?: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  // Start from a colour-neutral environment whatever the test runner sets.
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...env, ...options.env },
    timeout: 20_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runJson(args: string[], options?: Parameters<typeof runCli>[1]): Run & { results: JsonResult[] } {
  const run = runCli(['--format', 'json', ...args], options);
  try {
    return { ...run, results: JSON.parse(run.stdout) as JsonResult[] };
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

export function stderrLines(run: Run): string[] {
  return run.stderr.split('\n').filter((line) => line !== '');
}

export const byRule = (result: JsonResult | undefined, ruleId: string): JsonMessage[] => (result?.messages ?? []).filter((m) => m.ruleId === ruleId);

/**
 * Registers a scratch folder for the calling test file and returns a
 * function giving a fresh folder per test, so tests cannot see each
 * other's files.
 */
export function useScratch(prefix: string): () => string {
  let scratch: string | undefined;
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
    scratch = mkdtempSync(path.join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  return () => mkdtempSync(path.join(scratch!, 'case-'));
}

export function write(dir: string, relative: string, content: string | Buffer): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}
