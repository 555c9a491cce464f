/**
 * The built server warms its edit path up while the writer reads
 * (server/src/lsp/warmUp.ts): once quiet after the first lint it replays
 * edits on a copy of the draft, says so in its log, and serves exactly the
 * diagnostics a server that did not warm up serves. `--no-warm-up` turns it off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../client/src/serverFlags';
import { TestServer, VSCODE_LIKE_CAPABILITIES } from './harness';

const SEED = readFileSync(join(__dirname, '../fixtures/seed-article.txt'), 'utf8');
const URI = 'file:///drafts/briefing.md';
const WARMED = /^policylint: warmed up the edit path with (\d+) lints of a copy of the draft in \d+ ms$/;

/** Edits the seed article's draft as a writer would: one word inserted. */
async function insertWord(server: TestServer) {
  const at = server.doc(URI).positionAt(SEED.indexOf('hesitancy'));
  await server.change(URI, [{ range: { start: at, end: at }, newText: 'growing ' }]);
  return server.pullItems(URI);
}

describe('warming up the edit path', () => {
  const servers: TestServer[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.kill()));
  const opened = async (serverArgs: string[] = []) => {
    const server = TestServer.spawn({ nodeArgs: SERVER_NODE_FLAGS, serverArgs });
    servers.push(server);
    await server.initialize(VSCODE_LIKE_CAPABILITIES);
    await server.open(URI, 'markdown', SEED);
    return { server, diagnostics: await server.pullItems(URI) };
  };

  it('replays edits on a copy once the writer reads, and serves what a server that did not warm up serves', async () => {
    const [warm, cold] = await Promise.all([opened(), opened(['--no-warm-up'])]);
    // Half a second after the first lint; 120 lints of the seed article take well under a second.
    const log = await warm.server.logs.next((item) => WARMED.test(item.message), 20_000);
    expect(Number(WARMED.exec(log.message)![1])).toBe(120);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(cold.server.logs.pending.some((item) => item.message.includes('warmed up'))).toBe(false);
    expect(warm.diagnostics).toEqual(cold.diagnostics);
    expect(await warm.server.pullItems(URI)).toEqual(cold.diagnostics);
    const edited = await insertWord(cold.server);
    expect(edited).not.toEqual(cold.diagnostics);
    expect(await insertWord(warm.server)).toEqual(edited);
    expect(await warm.server.shutdown()).toBe(0);
    expect(await cold.server.shutdown()).toBe(0);
  }, 60_000);
});
