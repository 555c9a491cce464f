/**
 * The built server gives memory back once it is quiet after heavy work
 * (server/src/lsp/idleCollection.ts): started with `--expose-gc`, as the VS
 * Code client starts it, it collects garbage after a burst of documents and
 * says so in its log; the diagnostics it serves afterwards are unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../client/src/serverFlags';
import { seededRandom } from '../bench/corpus';
import { TestServer, VSCODE_LIKE_CAPABILITIES } from './harness';

/** Distinct policy-like paragraphs from a fixed seed, so that no two documents share cached blocks. */
function generatedDocument(seed: number, paragraphs: number): string {
  const words = ['ministry', 'budget', 'allocation', 'regional', 'health', 'board', 'committee', 'review', 'funding', 'report', 'council', 'agency', 'statement', 'policy', 'treasury', 'programme'];
  const random = seededRandom(seed);
  const pick = (count: number): number => Math.floor(random() * count);
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 4; s++) {
      const picked = Array.from({ length: 14 }, () => words[pick(words.length)]!);
      sentences.push(`The ${picked.join(' ')} ${pick(100000)}.`);
    }
    out.push(sentences.join(' '));
  }
  return `# Memo ${seed}\n\n${out.join('\n\n')}\n`;
}

describe('idle collection', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.kill());

  it('collects garbage once quiet after opening many documents, and serves the same diagnostics after', async () => {
    server = TestServer.spawn({ nodeArgs: SERVER_NODE_FLAGS });
    await server.initialize(VSCODE_LIKE_CAPABILITIES);
    const uris: string[] = [];
    for (let i = 0; i < 60; i++) {
      const uri = `file:///memos/memo-${i}.md`;
      uris.push(uri);
      await server.open(uri, 'markdown', generatedDocument(i + 1, 60));
    }
    const before = await server.pullItems(uris[0]!);
    const log = await server.logs.next((item) => item.message.includes('collected garbage'), 30_000);
    expect(log.message).toMatch(/^policylint: quiet, collected garbage: heap \d+ MB -> \d+ MB in \d+ ms$/);
    const [, from, to] = /heap (\d+) MB -> (\d+) MB/.exec(log.message)!;
    expect(Number(to)).toBeLessThan(Number(from));
    expect(await server.pullItems(uris[0]!)).toEqual(before);
    expect(await server.shutdown()).toBe(0);
  }, 60_000);

  it('lets go of its converted diagnostics when quiet for longer, and still answers "unchanged" to the ids it gave', async () => {
    server = TestServer.spawn({ nodeArgs: SERVER_NODE_FLAGS });
    await server.initialize(VSCODE_LIKE_CAPABILITIES);
    const uris = [0, 1, 2].map((i) => `file:///memos/quiet-${i}.md`);
    for (const [i, uri] of uris.entries()) await server.open(uri, 'markdown', generatedDocument(100 + i, 20));
    const reports = [];
    for (const uri of uris) reports.push(await server.pull(uri));
    // After 30 s without a lint: the engine's caches and the three lists go.
    const log = await server.logs.next((item) => item.message.includes('released'), 45_000);
    expect(log.message).toMatch(/^policylint: quiet, released \d+ cached entries and collected garbage/);
    for (const [i, uri] of uris.entries()) {
      const report = reports[i]!;
      expect(report.kind).toBe('full');
      expect(await server.pull(uri, report.resultId)).toEqual({ kind: 'unchanged', resultId: report.resultId });
      expect(await server.pullItems(uri)).toEqual(report.kind === 'full' ? report.items : []);
    }
    expect(await server.shutdown()).toBe(0);
  }, 90_000);
});
