// The .vsix must carry the bundles and nothing from node_modules: everything
// the client and server need is bundled by esbuild. `vsce ls` lists exactly
// what `vsce package` puts in the archive.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
});
