/**
 * Two workspace-level features over real JSON-RPC: the consistency report
 * (`policylint/consistencyReport`) over open and scanned files, and
 * restricted mode (`initializationOptions.trusted: false`), in which a
 * project file may set rule severities and nothing else.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type ClientCapabilities, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { TestServer } from './harness';

const capabilities: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { configuration: true, workspaceFolders: true },
};

const PARA = 'The ministry will publish the revised allocation formula for regional health boards before the spring budget statement.';
const BRIEF = `# Brief\n\nThe North Atlantic Treaty Organization (NATO) met in June. The US and the US Treasury agreed.\n\n${PARA}\n`;
const ANNEX = `# Annex\n\nLater the U.S. delegation left NATO headquarters.\n\n${PARA}\n`;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function workspace(files: Record<string, string>): { root: string; uri: (name: string) => string } {
  const root = mkdtempSync(path.join(tmpdir(), 'policylint-report-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return { root, uri: (name) => pathToFileURL(path.join(root, name)).href };
}

async function start(root: string, trusted?: boolean): Promise<TestServer> {
  const server = TestServer.spawn();
  cleanups.unshift(() => server.kill());
  await server.initialize(capabilities, {
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
    ...(trusted === undefined ? {} : { initializationOptions: { trusted } }),
  });
  return server;
}

describe('policylint/consistencyReport', () => {
  it('lists names with their forms, acronyms with definitions, and repeat groups, linking each place by line', async () => {
    const ws = workspace({ 'brief.md': BRIEF, 'annex.md': ANNEX });
    const server = await start(ws.root);
    const { markdown, files } = await server.connection.sendRequest<{ markdown: string; files: number }>('policylint/consistencyReport', { uri: ws.uri('brief.md') });
    expect(files).toBe(2);
    expect(markdown).toMatch(/^# policylint consistency report\n/);
    expect(markdown).toContain(`| **US** (2×, first [brief.md:3](<${ws.uri('brief.md')}#L3>)) | U.S. (1×, first [annex.md:3](<${ws.uri('annex.md')}#L3>)) | name |`);
    expect(markdown).toContain(`| NATO | North Atlantic Treaty Organization ([brief.md:3](<${ws.uri('brief.md')}#L3>)) | 2 |`);
    expect(markdown).toContain('### 1. 2 copies');
    expect(markdown).toContain(`- [annex.md:5](<${ws.uri('annex.md')}#L5>): first\n- [brief.md:5](<${ws.uri('brief.md')}#L5>): identical`);
  });

  it('links relative to the report file when the client says where it saves it', async () => {
    const ws = workspace({ 'brief.md': BRIEF, 'annex.md': ANNEX });
    const server = await start(ws.root);
    const reportUri = pathToFileURL(path.join(ws.root, 'storage', 'consistency-report.md')).href;
    const { markdown } = await server.connection.sendRequest<{ markdown: string }>('policylint/consistencyReport', { reportUri });
    expect(markdown).toContain('- [annex.md:5](<../annex.md#L5>): first\n- [brief.md:5](<../brief.md#L5>): identical');
  });

  it('reads open documents as they are in the editor, not on disk', async () => {
    const ws = workspace({ 'brief.md': BRIEF });
    const server = await start(ws.root);
    await server.open(ws.uri('brief.md'), 'markdown', BRIEF.replace('The US and the US Treasury', 'The U.S. and the US Treasury'));
    // Without params at all, as a client may send it.
    const { markdown } = await server.connection.sendRequest<{ markdown: string }>('policylint/consistencyReport');
    expect(markdown).toMatch(/\| \*\*U\.S\.\*\* \(1×.*\| US \(1×/);
  });
});

describe('untrusted workspace', () => {
  const CONFIG = 'rules:\n  inconsistent-name: error\nnames:\n  preferred: [U.S.]\nignore: [brief.md]\n';

  async function pullAll(server: TestServer): Promise<WorkspaceDocumentDiagnosticReport[]> {
    return (await server.workspacePull().result).items;
  }

  it('honours only rule severities from the project file, and says so on the file', async () => {
    const ws = workspace({ 'brief.md': BRIEF.replace('The US and the US Treasury agreed.', 'The US agreed. Then the U.S. left.'), '.policylint.yaml': CONFIG });
    const server = await start(ws.root, false);
    const items = await pullAll(server);
    const brief = items.find((item) => item.uri === ws.uri('brief.md'));
    // Not ignored (ignore is set aside), severity from the file, preferred form not taken from the file: a tie goes to first use.
    const names = brief?.kind === 'full' ? brief.items.filter((d) => d.code === 'inconsistent-name') : [];
    expect(names.map((d) => [d.severity, (d.message as string).slice(0, 6)])).toEqual([[DiagnosticSeverity.Error, '"U.S."']]);
    const config = items.find((item) => item.uri === ws.uri('.policylint.yaml'));
    expect(config?.kind === 'full' ? config.items : []).toEqual([
      expect.objectContaining({ severity: DiagnosticSeverity.Warning, message: expect.stringMatching(/not trusted: only rule severities apply; "names", "ignore" are ignored/) }),
    ]);
  });

  it('applies the whole file once trusted (the default for clients that say nothing)', async () => {
    // A repeated word in the annex gives the held workspace pull something to answer with.
    const ws = workspace({ 'brief.md': BRIEF, 'annex.md': `${ANNEX}\nWe met the the minister.\n`, '.policylint.yaml': CONFIG });
    const server = await start(ws.root);
    const items = await pullAll(server);
    expect(items.map((item) => item.uri)).toContain(ws.uri('annex.md'));
    expect(items.some((item) => item.uri === ws.uri('brief.md'))).toBe(false);
    expect(items.find((item) => item.uri === ws.uri('.policylint.yaml'))).toBeUndefined();
  });
});
