/**
 * "Prefer '<form>'" and "These are different names" over real JSON-RPC: the
 * code actions carry a `policylint.updateConfig` command, the server writes
 * the project config file (the one in force, else a new `.policylint.yaml`
 * at the workspace root), and the next pull reflects the new setting.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientCapabilities, CodeAction, Command, Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestServer } from './harness';

const capabilities: ClientCapabilities = {
  textDocument: {
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
  workspace: { configuration: true, workspaceFolders: true },
};

const DRAFT = 'Zelenskyy spoke on Monday. Later Zelenskyy met allies. Critics of Zelensky disagreed.\n';

interface Setup {
  readonly root: string;
  readonly server: TestServer;
  readonly uri: string;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function setup(files: Record<string, string> = {}, draft = 'brief.md'): Promise<Setup> {
  const root = mkdtempSync(path.join(tmpdir(), 'policylint-config-cmd-'));
  for (const [name, text] of Object.entries({ ...files, [draft]: DRAFT })) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const server = TestServer.spawn();
  cleanups.push(() => {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  });
  await server.initialize(capabilities, { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });
  const uri = pathToFileURL(path.join(root, draft)).href;
  await server.open(uri, 'markdown', DRAFT);
  return { root, server, uri };
}

/** The covered text of every inconsistent-name diagnostic. */
async function nameFindings({ server, uri }: Setup): Promise<{ text: string; diagnostic: Diagnostic }[]> {
  const doc = server.doc(uri);
  return (await server.pullItems(uri))
    .filter((d) => d.code === 'inconsistent-name')
    .map((diagnostic) => ({ text: doc.getText(diagnostic.range), diagnostic }));
}

async function configAction(s: Setup, diagnostic: Diagnostic, title: RegExp): Promise<Command> {
  const actions = await s.server.codeActions(s.uri, diagnostic.range, [diagnostic], ['quickfix']);
  const action = actions.find((a): a is CodeAction & { command: Command } => title.test(a.title) && a.command !== undefined);
  if (!action) throw new Error(`no action ${title} among ${actions.map((a) => a.title).join(' | ')}`);
  expect(action.edit).toBeUndefined();
  return action.command;
}

describe('policylint.updateConfig', () => {
  it('"Prefer" creates .policylint.yaml at the workspace root and flips which form is reported', async () => {
    const s = await setup({}, 'drafts/brief.md');
    const [before] = await nameFindings(s);
    expect(before!.text).toBe('Zelensky');
    const command = await configAction(s, before!.diagnostic, /^Prefer "Zelensky"/);
    const file = path.join(s.root, '.policylint.yaml');
    expect(await s.server.executeCommand(command.command, command.arguments ?? [])).toEqual({ uri: pathToFileURL(file).href, changed: true });
    expect(readFileSync(file, 'utf8')).toBe('names:\n  preferred:\n    - Zelensky\n');
    expect((await nameFindings(s)).map((f) => f.text)).toEqual(['Zelenskyy', 'Zelenskyy']);
  });

  it('"different names" writes names.distinct into the config in force, keeping its comments', async () => {
    const yaml = '# team settings\nrules:\n  repeated-word: off # noisy\n';
    const s = await setup({ '.policylint.yaml': yaml });
    const [before] = await nameFindings(s);
    const command = await configAction(s, before!.diagnostic, /are different names/);
    await s.server.executeCommand(command.command, command.arguments ?? []);
    expect(readFileSync(path.join(s.root, '.policylint.yaml'), 'utf8')).toBe(`${yaml}names:\n  distinct:\n    - [Zelensky, Zelenskyy]\n`);
    expect(await nameFindings(s)).toEqual([]);
  });

  it('leaves a broken config file untouched, tells the user, and keeps serving', async () => {
    const broken = 'names: [\n';
    const s = await setup({ '.policylint.yaml': broken });
    const [before] = await nameFindings(s);
    const command = await configAction(s, before!.diagnostic, /^Prefer/);
    expect(await s.server.executeCommand(command.command, command.arguments ?? [])).toMatchObject({ changed: false });
    expect(readFileSync(path.join(s.root, '.policylint.yaml'), 'utf8')).toBe(broken);
    expect((await nameFindings(s)).map((f) => f.text)).toEqual(['Zelensky']);
  });

  it('rejects malformed arguments with InvalidParams and writes nothing', async () => {
    const s = await setup();
    for (const args of [[], ['file:///x.md'], [s.uri, { key: 'rules', value: 'off' }], [7, { key: 'names.preferred', value: 'X', replaces: [] }]]) {
      await expect(s.server.executeCommand('policylint.updateConfig', args)).rejects.toMatchObject({ code: -32602 });
    }
    expect(existsSync(path.join(s.root, '.policylint.yaml'))).toBe(false);
    expect((await nameFindings(s)).map((f) => f.text)).toEqual(['Zelensky']);
  });
});
