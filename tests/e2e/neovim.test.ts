// Neovim's built-in LSP client (Debian's 0.7, push diagnostics) on the real
// server over stdio, for the founding draft opened as a .txt file (filetype
// "text"): the diagnostics must equal the CLI's findings for the same text —
// rule ids, severities, ranges (converted to the CLI's 1-based UTF-16
// columns) and messages — first as opened, then after a line typed into the
// buffer (not saved) adds a repeated word.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonMessage } from '../cli/harness';
import { CLI_JS, missingForNeovim, missingMessage, nvimPath, ROOT, SEED, SERVER_JS, underCI } from './tools';

interface NvimDiagnostic {
  code: string;
  source: string;
  severity: number;
  message: string;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  col16?: number;
  end_col16?: number;
}

interface NvimOutput {
  opened?: NvimDiagnostic[];
  edited?: NvimDiagnostic[];
  error?: string;
  /** The languageId Neovim sent for the buffer, when a wait failed. */
  languageId?: string;
}

/** What both sides must agree on, in the CLI's terms (ESLint-shaped JSON). */
type Finding = Pick<JsonMessage, 'ruleId' | 'level' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn'>;

const LEVELS = ['', 'error', 'warning', 'info', 'hint'];
const NVIM_TIMEOUT_MS = 120_000;
const TYPED = 'We met with the the minister.';

const byPosition = (a: Finding, b: Finding) =>
  a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);

/** The CLI's findings for `args` (a file, or --stdin with `input`), sorted. */
function cli(cwd: string, args: string[], input?: string): Finding[] {
  const result = spawnSync(process.execPath, [CLI_JS, '--format', 'json', ...args], { cwd, input, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`CLI failed (${result.status}): ${result.stderr}`);
  const [report] = JSON.parse(result.stdout) as { messages: Finding[] }[];
  return report!.messages
    .map(({ ruleId, level, message, line, column, endLine, endColumn }) => ({ ruleId, level, message, line, column, endLine, endColumn }))
    .sort(byPosition);
}

/** Neovim's diagnostics in the CLI's terms, sorted. */
function asFindings(diagnostics: NvimDiagnostic[]): Finding[] {
  return diagnostics
    .map((d) => {
      expect(d.source).toBe('policylint');
      expect(d.col16, `column ${d.col} of line ${d.lnum} outside the buffer`).toBeTypeOf('number');
      expect(d.end_col16, `column ${d.end_col} of line ${d.end_lnum} outside the buffer`).toBeTypeOf('number');
      return {
        ruleId: d.code,
        level: LEVELS[d.severity]!,
        message: d.message,
        line: d.lnum + 1,
        column: d.col16! + 1,
        endLine: d.end_lnum + 1,
        endColumn: d.end_col16! + 1,
      };
    })
    .sort(byPosition);
}

/** Runs headless Neovim on `file`; resolves with its exit code and stderr. */
function runNeovim(nvim: string, dir: string, file: string, out: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(nvim, ['--headless', '-n', '-i', 'NONE', '-u', join(ROOT, 'tests/e2e/nvim-init.lua'), file], {
      cwd: dir,
      env: {
        ...process.env,
        POLICYLINT_NVIM_OUT: out,
        POLICYLINT_SERVER: SERVER_JS,
        POLICYLINT_NODE: process.execPath,
        POLICYLINT_NVIM_TIMEOUT_MS: String(NVIM_TIMEOUT_MS),
        POLICYLINT_NVIM_APPEND: TYPED,
        POLICYLINT_NVIM_EXPECT_CODE: 'repeated-word',
        // Neovim's own state and logs (lsp.log among them) stay in the test's folder.
        XDG_CONFIG_HOME: join(dir, 'xdg/config'),
        XDG_DATA_HOME: join(dir, 'xdg/data'),
        XDG_STATE_HOME: join(dir, 'xdg/state'),
        XDG_CACHE_HOME: join(dir, 'xdg/cache'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Neovim gives up on its own after NVIM_TIMEOUT_MS per wait; this is the backstop should it hang anyway.
    const backstop = setTimeout(() => child.kill('SIGKILL'), 2 * NVIM_TIMEOUT_MS + 60_000);
    child.once('error', (error) => {
      clearTimeout(backstop);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(backstop);
      resolve({ code, stderr });
    });
  });
}

describe('Neovim built-in LSP client', () => {
  const missing = missingForNeovim();
  if (missing.length > 0) {
    const message = missingMessage('The Neovim test', missing);
    it('has Neovim installed', (ctx) => {
      if (underCI()) throw new Error(`${message} (CI must run the real-editor tests)`);
      console.warn(`skipped: ${message}`);
      ctx.skip(message);
    });
    return;
  }

  // A folder holding only the draft: the server's workspace and the CLI's input are the same single file.
  const dir = mkdtempSync(join(tmpdir(), 'policylint-nvim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the same findings as the CLI for the founding draft, before and after an edit', { timeout: 6 * 60_000 }, async () => {
    const draft = join(dir, 'seed-article.txt');
    copyFileSync(SEED, draft);
    const text = readFileSync(draft, 'utf8');
    const expectedOpened = cli(dir, ['seed-article.txt']);
    const expectedEdited = cli(dir, ['--stdin', '--stdin-filename', 'seed-article.txt'], `${text}\n${TYPED}\n`);

    const out = join(dir, 'nvim-diagnostics.json');
    const { code, stderr } = await runNeovim(nvimPath()!, dir, draft, out);
    let written: NvimOutput = {};
    try {
      written = JSON.parse(readFileSync(out, 'utf8')) as NvimOutput;
    } catch {
      // Reported below with the exit code and stderr.
    }
    const failure = `${written.error ?? 'no error written'} (languageId sent: ${written.languageId ?? '?'}); stderr: ${stderr}`;
    expect(code, `nvim exited ${code}: ${failure}; output: ${JSON.stringify(written).slice(0, 3000)}`).toBe(0);
    expect(written.error).toBeUndefined();

    // The founding draft's two pasted paragraphs, whatever other rules report by now.
    expect(expectedOpened.filter((f) => f.ruleId === 'repeated-paragraph').map((f) => [f.line, f.message])).toEqual([
      [4, 'This paragraph repeats the paragraph on line 2 (identical).'],
      [5, 'This paragraph repeats the paragraph on line 3 (identical).'],
    ]);
    expect(asFindings(written.opened!)).toEqual(expectedOpened);

    expect(expectedEdited.filter((f) => f.ruleId === 'repeated-word').map((f) => f.line)).toEqual([6]);
    expect(asFindings(written.edited!)).toEqual(expectedEdited);
    // The edit stayed in the buffer.
    expect(readFileSync(draft, 'utf8')).toBe(text);
  });
});
