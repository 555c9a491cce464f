/**
 * Shared by the real-editor tests: where their tools live, and what to do
 * when one is missing — fail under CI (which must run these tests), skip
 * elsewhere with the command that installs them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
export const SEED = join(ROOT, 'tests/fixtures/seed-article.txt');
export const SERVER_JS = join(ROOT, 'server/out/server.js');
export const CLI_JS = join(ROOT, 'server/out/cli.js');

/** Must match CODE_SERVER_VERSION in tests/e2e/setup.sh. */
export const CODE_SERVER_VERSION = '4.100.3';
const CACHE = process.env.POLICYLINT_E2E_CACHE || join(homedir(), '.cache/policylint-e2e');
const CODE_SERVER_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_BIN = join(CODE_SERVER_DIR, 'node_modules/.bin/code-server');
export const CHROMIUM = '/usr/bin/chromium';

/** The flags Chromium needs as root on this closed network (issue 6). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SETUP_HINT = 'install them with `bash tests/e2e/setup.sh`';

function onPath(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** What is missing for the VS Code test, as readable reasons (empty when all is there). */
export function missingForVSCode(): string[] {
  const missing: string[] = [];
  const marker = join(CODE_SERVER_DIR, '.policylint-e2e-ready');
  if (!existsSync(marker) || readFileSync(marker, 'utf8').trim() !== CODE_SERVER_VERSION) {
    missing.push(`code-server ${CODE_SERVER_VERSION} (no complete install in ${CODE_SERVER_DIR})`);
  }
  if (!existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  return missing;
}

/** The Neovim binary, if one is installed. */
export function nvimPath(): string | undefined {
  return onPath('nvim');
}

export function missingForNeovim(): string[] {
  return nvimPath() ? [] : ['Neovim (nvim not on PATH)'];
}

/** True under CI, which must run the real-editor tests rather than skip them. */
export function underCI(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** The message for a missing tool: why the test cannot run and how to fix it. */
export function missingMessage(what: string, missing: string[]): string {
  return `${what} needs ${missing.join(', ')}: ${SETUP_HINT}`;
}
