// The extension in real VS Code: code-server (VS Code 1.100 in the browser)
// with the packaged .vsix installed, driven in Debian's Chromium by
// playwright-core. Opens the founding draft, waits for the diagnostics in the
// Problems view, the editor and policylint's status bar item, applies the
// delete-paragraph quick fix with Ctrl+., saves, types a new finding, and runs
// "policylint: Fix all safe problems in file" from the command palette. Every wait polls the DOM or the disk
// against a deadline; nothing sleeps a fixed time. Screenshots and
// code-server's logs go to tests/e2e/artifacts/ (git-ignored).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../client/src/serverFlags';
import {
  ARTIFACTS,
  CHROMIUM,
  CHROMIUM_ARGS,
  CLI_JS,
  CODE_SERVER_BIN,
  missingForVSCode,
  missingMessage,
  ROOT,
  SEED,
  underCI,
} from './tools';

/** Deadline for one wait on the editor (the first diagnostics take ~30 s on an idle 2-core machine). */
const WAIT_MS = 3 * 60_000;
const POLL_MS = 250;

/** Thrown by a probe to stop waiting at once (errors of other kinds are retried until the deadline). */
class GiveUp extends Error {}

/** Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A diagnostic as the Problems view shows it. */
interface Problem {
  severity: string;
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

/** The diagnostics listed in the Problems view (their related-information rows left out). */
async function problems(page: Page): Promise<Problem[]> {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
    rows.flatMap((row) => {
      // The aria-label starts with the severity ("Warning: ..."); the icon shows a light bulb instead when the row is focused.
      const severity = /^(Error|Warning|Info|Hint): /.exec(row.getAttribute('aria-label') ?? '')?.[1]?.toLowerCase();
      const message = row.querySelector('.marker-message')?.textContent;
      const position = /\[Ln (\d+), Col (\d+)\]/.exec(row.querySelector('.marker-line')?.textContent ?? '');
      if (!severity || message == null || !position) return [];
      return [
        {
          severity,
          message,
          source: row.querySelector('.marker-source')?.textContent ?? '',
          code: row.querySelector('.marker-code')?.textContent ?? '',
          line: Number(position[1]),
          column: Number(position[2]),
        },
      ];
    }),
  );
}

/** The counts in the status bar's problems item, e.g. "Warnings: 3, Infos: 4". */
async function statusCounts(page: Page): Promise<{ errors: number; warnings: number; infos: number }> {
  const label = (await page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
  const count = (name: string) => Number(new RegExp(`${name}: (\\d+)`).exec(label)?.[1] ?? 0);
  return { errors: count('Errors'), warnings: count('Warnings'), infos: count('Infos') };
}

/** The total in the Problems tab's badge ("Problems (Ctrl+Shift+M) - Total 7 Problems"). */
async function problemsBadge(page: Page): Promise<number | undefined> {
  const labels = await page.$$eval('.badge[aria-label^="Problems"]', (badges) => badges.map((badge) => badge.getAttribute('aria-label') ?? ''));
  const match = labels.map((label) => /Total (\d+) Problem/.exec(label)).find(Boolean);
  return match ? Number(match[1]) : undefined;
}

/** The count in policylint's own status bar item ("$(warning) 7 policylint"), if it shows. */
async function policylintStatus(page: Page): Promise<{ count: number; label: string } | undefined> {
  const item = page.locator('.part.statusbar [aria-label^="policylint: "]').first();
  if (!(await item.isVisible())) return undefined;
  const count = /(\d+) policylint/.exec(await item.innerText())?.[1];
  const label = (await item.getAttribute('aria-label')) ?? '';
  return count === undefined ? undefined : { count: Number(count), label };
}

/**
 * The logical lines (1-based) on which the editor draws a warning squiggle,
 * found by matching each decoration's position to the line-number gutter
 * (with word wrap a line spans several rows; only numbered rows start a line).
 */
async function linesWithWarningSquiggles(page: Page): Promise<number[]> {
  return page.$eval('.part.editor .monaco-editor', (editor) => {
    const numbered = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')]
      .map((element) => ({ line: Number(element.textContent), top: element.getBoundingClientRect().top }))
      .filter((row) => Number.isInteger(row.line) && row.line > 0)
      .sort((a, b) => a.top - b.top);
    const lines = new Set<number>();
    for (const squiggle of editor.querySelectorAll('.squiggly-warning')) {
      const top = squiggle.getBoundingClientRect().top;
      const row = numbered.filter((candidate) => candidate.top <= top + 2).at(-1);
      if (row) lines.add(row.line);
    }
    return [...lines].sort((a, b) => a - b);
  });
}

/** The findings the CLI reports for `text` as a plain-text file in `cwd` (the same engine, for expected values). */
function cliFindings(cwd: string, text: string): { ruleId: string; message: string; line: number; column: number; level: string }[] {
  const result = spawnSync(process.execPath, [CLI_JS, '--format', 'json', '--stdin', '--stdin-filename', 'seed-article.txt'], {
    cwd,
    input: text,
    encoding: 'utf8',
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`CLI failed (${result.status}): ${result.stderr}`);
  return (JSON.parse(result.stdout) as { messages: { ruleId: string; message: string; line: number; column: number; level: string }[] }[])[0]!
    .messages;
}

/** The text the CLI's `--stdin --fix` makes of `text` (every safe fix applied). */
function cliFixed(cwd: string, text: string): string {
  const result = spawnSync(process.execPath, [CLI_JS, '--stdin', '--fix', '--stdin-filename', 'seed-article.txt'], {
    cwd,
    input: text,
    encoding: 'utf8',
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`CLI --fix failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Runs a command by its title from the command palette (F1), as a user would. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.keyboard.type(title);
  await waitFor(`"${title}" to be focused in the command palette`, async () => {
    const focused = await page.locator('.quick-input-widget .monaco-list-row.focused').getAttribute('aria-label', { timeout: 1_000 }).catch(() => null);
    return focused?.startsWith(title) === true;
  }, 60_000);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: WAIT_MS });
}

/** Places the cursor at the start of `line` with Go to Line, and waits until the status bar shows it there. */
async function goToLine(page: Page, line: number): Promise<void> {
  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await waitFor(`the cursor on line ${line}`, async () =>
    (await page.locator('[id="status.editor.selection"]').innerText()).includes(`Ln ${line}, Col 1`),
  );
}

/** Opens the Problems view unless it is already showing (its shortcut toggles it). */
async function showProblems(page: Page): Promise<void> {
  const panel = page.locator('.markers-panel');
  if (await panel.isVisible()) return;
  await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** Waits for the `repeated-word` row in the Problems view and checks it says exactly what the CLI says. */
async function expectRepeatedWordRow(page: Page, what: string, expected: { message: string; line: number; column: number }): Promise<void> {
  const found = await waitFor(what, async () => (await problems(page)).find((row) => row.code === 'repeated-word'));
  expect(found).toEqual({
    severity: 'warning',
    message: expected.message,
    source: 'policylint',
    code: 'repeated-word',
    line: expected.line,
    column: expected.column,
  });
}

function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(ARTIFACTS, name) });
}

/**
 * The processes running a language server bundle under `extensionsDir` (the
 * extension as code-server installed it): their arguments and environment,
 * read from Linux's /proc.
 */
function languageServers(extensionsDir: string): { argv: string[]; env: string[] }[] {
  const found: { argv: string[]; env: string[] }[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!argv.some((arg) => arg.startsWith(extensionsDir) && arg.endsWith('server/out/server.js'))) continue;
      found.push({ argv, env: readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0') });
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}

const REPEAT_OF_2 = 'This paragraph repeats the paragraph on line 2 (identical).';
const REPEAT_OF_3 = 'This paragraph repeats the paragraph on line 3 (identical).';

describe('VS Code (code-server) with the policylint extension', () => {
  const missing = missingForVSCode();
  if (missing.length > 0) {
    const message = missingMessage('The VS Code test', missing);
    it('has code-server and Chromium installed', (ctx) => {
      if (underCI()) throw new Error(`${message} (CI must run the real-editor tests)`);
      console.warn(`skipped: ${message}`);
      ctx.skip(message);
    });
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), 'policylint-vscode-'));
  const workspace = join(dir, 'workspace');
  const userData = join(dir, 'user-data');
  const draft = join(workspace, 'seed-article.txt');
  const original = readFileSync(SEED, 'utf8');
  let codeServer: ChildProcess | undefined;
  let codeServerExited: Promise<void> = Promise.resolve();
  let codeServerLog = '';
  let browserServer: BrowserServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  /** The tests are steps of one session: after a failed step, the later ones are skipped. */
  let failedStep: string | undefined;
  const afterFailure = (ctx: { skip: (note: string) => never }) => {
    if (failedStep) ctx.skip(`skipped: the earlier step "${failedStep}" failed`);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const name of readdirSync(ARTIFACTS)) {
      if (name.startsWith('vscode-')) rmSync(join(ARTIFACTS, name), { recursive: true, force: true });
    }
    mkdirSync(workspace);
    copyFileSync(SEED, draft);

    // Package the extension as `npm run package` does, from the bundles `npm test` has just built
    // (rebuilding them here would race the other suites that run them), into this test's own folder.
    for (const bundle of ['client/out/extension.js', 'server/out/server.js']) {
      if (!existsSync(join(ROOT, bundle))) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
    }
    const vsix = join(dir, 'policylint.vsix');
    const vsce = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix],
      { cwd: ROOT, encoding: 'utf8', timeout: 5 * 60_000 },
    );
    if (vsce.status !== 0) throw new Error(`vsce package failed (${vsce.status}): ${vsce.stdout}${vsce.stderr}`);

    // A throwaway profile: extensions, settings, logs and code-server's own files all live under `dir`.
    const home = {
      ...process.env,
      XDG_CONFIG_HOME: join(dir, 'xdg/config'),
      XDG_DATA_HOME: join(dir, 'xdg/data'),
      XDG_CACHE_HOME: join(dir, 'xdg/cache'),
    };
    const profile = ['--config', join(dir, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', join(dir, 'extensions')];
    const install = spawnSync(CODE_SERVER_BIN, [...profile, '--install-extension', vsix], {
      env: home,
      encoding: 'utf8',
      timeout: 5 * 60_000,
    });
    if (install.status !== 0 || !/successfully installed/.test(install.stdout)) {
      throw new Error(`code-server --install-extension failed (${install.status}): ${install.stdout}${install.stderr}`);
    }
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(
      join(userData, 'User/settings.json'),
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'workbench.enableExperiments': false,
          'security.workspace.trust.enabled': false,
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'extensions.ignoreRecommendations': true,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'chat.commandCenter.enabled': false,
          'files.autoSave': 'off',
          // Typed text must stay as typed: no suggestion accepted by Enter.
          'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
          'editor.wordBasedSuggestions': 'off',
          'editor.acceptSuggestionOnEnter': 'off',
          'editor.wordWrap': 'on',
          'editor.minimap.enabled': false,
          'remote.autoForwardPorts': false,
          // No file events from here: only "policylint: Lint workspace" can bring its files in.
          'files.watcherExclude': { '**/unwatched/**': true },
        },
        null,
        2,
      ),
    );

    // Its own process group, so teardown ends code-server with its extension host and our language server.
    codeServer = spawn(
      CODE_SERVER_BIN,
      [
        ...profile,
        '--auth',
        'none',
        '--bind-addr',
        '127.0.0.1:0',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        workspace,
      ],
      { detached: true, env: home, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<void>((resolve) => codeServer!.once('exit', () => resolve()));
    codeServerExited = exited;
    let exitedEarly = false;
    void exited.then(() => (exitedEarly = true));
    codeServer.once('error', (error) => {
      codeServerLog += `\n${error.message}`;
      exitedEarly = true;
    });
    codeServer.stdout!.on('data', (chunk: Buffer) => (codeServerLog += chunk.toString()));
    codeServer.stderr!.on('data', (chunk: Buffer) => (codeServerLog += chunk.toString()));
    const url = await waitFor('code-server to listen', () => {
      if (exitedEarly) throw new GiveUp(`code-server exited: ${codeServerLog}`);
      return /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(codeServerLog)?.[1];
    });

    browserServer = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: home });
    browser = await chromium.connect(browserServer.wsEndpoint());
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });

    // ?folder= opens the workspace; the payload's openFile opens the draft in it.
    const host = new URL(url).host;
    const payload = JSON.stringify([['openFile', `vscode-remote://${host}${draft}`]]);
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: WAIT_MS });
    await page.locator('.tab.active[aria-label^="seed-article.txt"]').waitFor({ timeout: WAIT_MS });
  }, 10 * 60_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      failedStep ??= ctx.task.name;
      await screenshot(page, `vscode-failed-${ctx.task.name.replace(/\W+/g, '-')}.png`).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (browserServer) {
      // close() ends Chromium gracefully; kill() ends its whole process group should that hang.
      const closed = browserServer.close().then(() => true).catch(() => false);
      const timedOut = new Promise<false>((resolve) => setTimeout(() => resolve(false), 15_000).unref());
      if (!(await Promise.race([closed, timedOut]))) await browserServer.kill().catch(() => undefined);
    }
    if (codeServer?.pid !== undefined && codeServer.exitCode === null && codeServer.signalCode === null) {
      const group = -codeServer.pid;
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(group, name);
        } catch {
          // Already gone.
        }
      };
      signal('SIGTERM');
      const stopped = await Promise.race([
        codeServerExited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 15_000).unref()),
      ]);
      // Its children (extension host, language server) may outlive it; end the group in any case.
      signal(stopped ? 'SIGTERM' : 'SIGKILL');
      if (!stopped) await codeServerExited;
    }
    // code-server's own log and VS Code's logs (extension host, the policylint output channel) as artifacts.
    try {
      writeFileSync(join(ARTIFACTS, 'code-server.log'), codeServerLog);
      rmSync(join(ARTIFACTS, 'vscode-logs'), { recursive: true, force: true });
      if (existsSync(join(userData, 'logs'))) cpSync(join(userData, 'logs'), join(ARTIFACTS, 'vscode-logs'), { recursive: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 2 * 60_000);

  it('shows the founding draft\'s repeated paragraphs in the Problems view and as squiggles', { timeout: 8 * 60_000 }, async (ctx) => {
    afterFailure(ctx);
    // Squiggles under both pasted paragraphs (lines 4 and 5).
    const squiggled = await waitFor('warning squiggles on lines 4 and 5', async () => {
      const lines = await linesWithWarningSquiggles(page);
      return lines.includes(4) && lines.includes(5) && lines;
    });
    expect(squiggled).toEqual(expect.arrayContaining([4, 5]));
    await screenshot(page, 'vscode-1-draft-squiggles.png');

    await showProblems(page);
    const listed = await waitFor('both repeated paragraphs in the Problems view', async () => {
      const rows = await problems(page);
      return rows.some((row) => row.message === REPEAT_OF_2) && rows.some((row) => row.message === REPEAT_OF_3) && rows;
    });
    expect(listed.filter((row) => row.code === 'repeated-paragraph')).toEqual([
      { severity: 'warning', message: REPEAT_OF_2, source: 'policylint', code: 'repeated-paragraph', line: 4, column: 1 },
      { severity: 'warning', message: REPEAT_OF_3, source: 'policylint', code: 'repeated-paragraph', line: 5, column: 1 },
    ]);
    expect(listed.every((row) => row.source === 'policylint')).toBe(true);

    // The extension started its server as serverFlags.ts says: able to collect when quiet, and with glibc's
    // threshold for mapped memory fixed, so that the buffers of a burst of pulls go back to the system.
    const servers = languageServers(join(dir, 'extensions'));
    expect(servers).toHaveLength(1);
    expect(servers[0]!.argv).toEqual(expect.arrayContaining([...SERVER_NODE_FLAGS]));
    expect(servers[0]!.env).toEqual(expect.arrayContaining(Object.entries(SERVER_ENV).map(([name, value]) => `${name}=${value}`)));

    // The counts agree: the Problems badge, the status bar, and what the CLI reports for the same text.
    const cli = cliFindings(workspace, original);
    const agree = async () => {
      const { errors, warnings, infos } = await statusCounts(page);
      return (await problemsBadge(page)) === cli.length && errors + warnings + infos === cli.length;
    };
    await waitFor('the badge and the status bar to count every finding', agree, 60_000).catch(() => undefined);
    const counts = await statusCounts(page);
    expect(await problemsBadge(page)).toBe(cli.length);
    expect(counts.errors + counts.warnings + counts.infos).toBe(cli.length);
    expect(counts.warnings).toBe(cli.filter((finding) => finding.level === 'warning').length);
    expect(counts.warnings).toBeGreaterThanOrEqual(2);
    // policylint's own status bar item counts the active file's findings: the same number.
    const status = await waitFor(`policylint's status bar item to count ${cli.length}`, async () => {
      const item = await policylintStatus(page);
      return item?.count === cli.length && item;
    }, 60_000);
    const errors = cli.filter((finding) => finding.level === 'error').length;
    const warnings = cli.filter((finding) => finding.level === 'warning').length;
    expect(status.label).toContain(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    await screenshot(page, 'vscode-2-problems.png');
  });

  it('deletes the repeated paragraph with the Ctrl+. quick fix, and saves', { timeout: 8 * 60_000 }, async (ctx) => {
    afterFailure(ctx);
    await goToLine(page, 4);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row[aria-label="Delete repeated paragraph"]');
    await fix.waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'vscode-3-quick-fix.png');
    // Chosen with the keyboard, as a user of Ctrl+. does: arrow to the fix, then Enter.
    await waitFor('"Delete repeated paragraph" to be focused in the menu', async () => {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').getAttribute('aria-label', { timeout: 1_000 }).catch(() => null);
      if (focused === 'Delete repeated paragraph') return true;
      await page.keyboard.press('ArrowDown');
      return false;
    }, 60_000);
    await page.keyboard.press('Enter');
    await fix.waitFor({ state: 'detached', timeout: WAIT_MS });

    // The fix removes line 4 (the copy of line 2) and nothing else.
    const lines = original.split('\n');
    const expected = [...lines.slice(0, 3), ...lines.slice(4)].join('\n');
    await page.keyboard.press('Control+S');
    await waitFor('the fixed draft on disk', () => readFileSync(draft, 'utf8') === expected);

    // Only the copy of line 3 is left, now on line 4.
    await showProblems(page);
    const left = await waitFor('the Problems view to drop the deleted paragraph', async () => {
      const rows = (await problems(page)).filter((row) => row.code === 'repeated-paragraph');
      return rows.length === 1 && rows;
    });
    expect(left).toEqual([{ severity: 'warning', message: REPEAT_OF_3, source: 'policylint', code: 'repeated-paragraph', line: 4, column: 1 }]);
    await screenshot(page, 'vscode-4-after-fix.png');
  });

  it('reports a repeated word as it is typed', { timeout: 8 * 60_000 }, async (ctx) => {
    afterFailure(ctx);
    const before = readFileSync(draft, 'utf8');
    const sentence = 'We met with the the minister.';
    const after = cliFindings(workspace, `${before}\n${sentence}`);
    const expected = after.find((finding) => finding.ruleId === 'repeated-word');
    expect(expected, 'the CLI finds the typed repeated word').toBeDefined();

    await page.locator('.part.editor .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(sentence);

    await showProblems(page);
    await expectRepeatedWordRow(page, 'the repeated word in the Problems view', expected!);
    const warningsAfter = after.filter((finding) => finding.level === 'warning').length;
    await waitFor(`the status bar to count ${warningsAfter} warnings, as the CLI does`, async () => (await statusCounts(page)).warnings === warningsAfter);
    await waitFor('a warning squiggle on the typed line', async () => (await linesWithWarningSquiggles(page)).includes(expected!.line));
    await screenshot(page, 'vscode-5-new-finding.png');
    // Unsaved: the finding comes from the editor's text, not the file.
    expect(readFileSync(draft, 'utf8')).toBe(before);
  });

  it('applies every safe fix with "policylint: Fix all safe problems in file"', { timeout: 8 * 60_000 }, async (ctx) => {
    afterFailure(ctx);
    // A fresh copy of the founding draft: back on disk, and the (unsaved) editor reverted to it.
    writeFileSync(draft, original);
    await runCommand(page, 'File: Revert File');
    const cliBefore = cliFindings(workspace, original);
    await showProblems(page);
    await waitFor('the reverted draft\'s findings', async () => {
      const rows = (await problems(page)).filter((row) => row.code === 'repeated-paragraph');
      return rows.length === 2 && (await policylintStatus(page))?.count === cliBefore.length;
    });

    // What the CLI makes of the same text; it drops both copies and fixes the name ("U.S." → "US").
    const expected = cliFixed(workspace, original);
    expect(expected).not.toBe(original);
    expect(expected).not.toContain('The U.S. does');
    expect(expected).toContain('The US does');
    expect(expected.split('\n').filter((line) => line.trim() !== '')).toHaveLength(3);

    await runCommand(page, 'policylint: Fix all safe problems in file');
    // The edit lands asynchronously: save only once the editor holds the fixed (unsaved) text.
    const cliAfter = cliFindings(workspace, expected);
    await waitFor(`the fixed, unsaved text (status bar count ${cliAfter.length})`, async () =>
      (await policylintStatus(page))?.count === cliAfter.length && (await page.locator('.tab.active.dirty').count()) > 0,
    );
    await page.keyboard.press('Control+S');
    await waitFor('the fixed draft on disk', () => readFileSync(draft, 'utf8') === expected, 60_000);
    expect(readFileSync(draft, 'utf8')).toBe(expected);
    expect((await problems(page)).filter((row) => row.code === 'repeated-paragraph')).toEqual([]);
    await screenshot(page, 'vscode-6-fix-all.png');

    // Nothing safe is left to fix (the CLI agrees), and the command says so.
    expect(cliFixed(workspace, expected)).toBe(expected);
    await runCommand(page, 'policylint: Fix all safe problems in file');
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'policylint: no safe fixes in this file.' }).first().waitFor({ timeout: WAIT_MS });
    expect(readFileSync(draft, 'utf8')).toBe(expected);
  });

  it('brings an unwatched file\'s findings into the Problems view with "policylint: Lint workspace"', { timeout: 8 * 60_000 }, async (ctx) => {
    afterFailure(ctx);
    const text = 'We met with the the minister.\n';
    const expected = cliFindings(workspace, text).find((finding) => finding.ruleId === 'repeated-word');
    expect(expected, 'the CLI finds the repeated word').toBeDefined();
    mkdirSync(join(workspace, 'unwatched'));
    writeFileSync(join(workspace, 'unwatched/late.txt'), text);

    await runCommand(page, 'policylint: Lint workspace');
    await page.locator('.notifications-toasts .notification-toast', { hasText: /policylint: linted \d+ files? in the workspace\./ }).first().waitFor({ timeout: WAIT_MS });
    await showProblems(page);
    await expectRepeatedWordRow(page, 'the unopened file\'s repeated word in the Problems view', expected!);
    await page.locator('.markers-panel .monaco-list-row[aria-label*="late.txt"]').first().waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'vscode-7-lint-workspace.png');
  });

  it('hides the policylint status bar item for files it does not lint', { timeout: 8 * 60_000 }, async (ctx) => {
    afterFailure(ctx);
    writeFileSync(join(workspace, 'data.json'), '{ "the": "the" }\n');
    await page.locator('.part.editor .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.keyboard.type('data.json');
    await waitFor('data.json to be focused in Quick Open', async () => {
      const focused = await page.locator('.quick-input-widget .monaco-list-row.focused').getAttribute('aria-label', { timeout: 1_000 }).catch(() => null);
      return focused?.startsWith('data.json') === true;
    }, 60_000);
    await page.keyboard.press('Enter');
    await page.locator('.tab.active[aria-label^="data.json"]').waitFor({ timeout: WAIT_MS });
    await waitFor('the policylint status bar item to hide', async () => (await policylintStatus(page)) === undefined);

    // Back to the draft: the item shows its count again.
    await page.locator('.tab[aria-label^="seed-article.txt"]').first().click();
    await page.locator('.tab.active[aria-label^="seed-article.txt"]').waitFor({ timeout: WAIT_MS });
    const count = cliFindings(workspace, readFileSync(draft, 'utf8')).length;
    await waitFor(`the policylint status bar item to count ${count} again`, async () => (await policylintStatus(page))?.count === count);
  });

  it('opens "policylint: Show consistency report" as a rendered Markdown preview', { timeout: 8 * 60_000 }, async (ctx) => {
    afterFailure(ctx);
    // An annex with another spelling of a name, an acronym definition and a paragraph pasted from the draft.
    const pasted = readFileSync(draft, 'utf8').split('\n').filter((line) => line.trim() !== '')[1]!;
    writeFileSync(
      join(workspace, 'annex.md'),
      `# Annex\n\nThe North Atlantic Treaty Organization (NATO) summit followed, and President Zelensky met the delegation.\n\n${pasted}\n`,
    );
    await runCommand(page, 'policylint: Lint workspace');
    await page.locator('.notifications-toasts .notification-toast', { hasText: /policylint: linted \d+ files? in the workspace\./ }).first().waitFor({ timeout: WAIT_MS });
    await runCommand(page, 'policylint: Show consistency report');
    // The preview is a webview: its text lives in a nested frame.
    const summary = await waitFor('the consistency report preview', async () => {
      for (const frame of page.frames()) {
        const text = await frame.locator('body').innerText({ timeout: 500 }).catch(() => '');
        if (text.includes('policylint consistency report') && text.includes('Repeated paragraphs')) return text;
      }
      return undefined;
    });
    expect(summary).toMatch(/\d+ files?: \d+ names? written more than one way, \d+ acronyms? defined, \d+ groups? of repeated paragraphs\./);
    expect(summary).toMatch(/Zelenskyy \(\d+×, first [\w.-]+:\d+\)\s+Zelensky \(1×, first annex\.md:3\)/);
    expect(summary).toMatch(/NATO\s+North Atlantic Treaty Organization \(annex\.md:3\)/);
    expect(summary).toMatch(/annex\.md:5: first\s+seed-article\.txt:\d+: identical/);
    await screenshot(page, 'vscode-8-consistency-report.png');
  });

  it('reports a broken .policylint.yaml on the file itself and keeps linting the draft', { timeout: 8 * 60_000 }, async (ctx) => {
    afterFailure(ctx);
    const config = join(workspace, '.policylint.yaml');
    // A half-typed flow list: a YAML syntax error on line 2.
    writeFileSync(config, 'rules:\n  repeated-word: [error\n');
    try {
      await showProblems(page);
      await page.locator('.markers-panel .monaco-list-row[aria-label*=".policylint.yaml"]').first().waitFor({ timeout: WAIT_MS });
      const rows = await waitFor('the config error and the draft\'s findings together', async () => {
        const all = await problems(page);
        return all.some((row) => row.source === 'policylint' && row.severity === 'error' && row.code === '') && all.some((row) => row.code === 'unattributed-claim') ? all : undefined;
      });
      expect(rows.find((row) => row.severity === 'error' && row.code === '')?.line).toBeGreaterThanOrEqual(2);
      await screenshot(page, 'vscode-9-broken-config.png');
    } finally {
      unlinkSync(config);
    }
  });
});
