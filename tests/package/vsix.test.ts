// The .vsix must carry the bundles and nothing from node_modules: everything
// the client and server need is bundled by esbuild. `vsce ls` lists exactly
// what `vsce package` puts in the archive.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

describe('extension package', () => {
  it('contains the bundled client, server, CLI and CLI worker and no node_modules', () => {
    const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
    const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .sort();
    expect(listed).toEqual(
      [
        'LICENSE',
        'README.md',
        'client/out/extension.js',
        'client/schemas/policylint.schema.json',
        'package.json',
        'server/out/cli.js',
        // The CLI's worker threads (--concurrency auto|N).
        'server/out/cli-worker.js',
        'server/out/server.js',
        'syntaxes/policylint.injection.tmLanguage.json',
        'syntaxes/policylint.plaintext.tmLanguage.json',
      ].sort(),
    );
    for (const file of listed) expect(existsSync(join(root, file))).toBe(true);
  });

  it('has a README whose links vsce can package: absolute or in-page, since the manifest names no repository', () => {
    const links: string[] = [];
    const visit = (node: { type: string; url?: string; children?: unknown[] }): void => {
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url !== undefined) links.push(node.url);
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(fromMarkdown(readFileSync(join(root, 'README.md'), 'utf8')));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((url) => !/^(?:[a-z][a-z\d+.-]*:|#)/i.test(url))).toEqual([]);
  });
});
