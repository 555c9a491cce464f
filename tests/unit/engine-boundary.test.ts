// The engine must stay pure: no editor, protocol, file-system or process
// access, so the CLI, the server and the tests can all drive it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = join(__dirname, '../../server/src/engine');
const FORBIDDEN_MODULE = /^(?:vscode(?:-.*)?|node:.*|fs|fs\/promises|path|process|child_process|os|worker_threads|url)$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('engine boundary', () => {
  const files = sources(ENGINE);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [relative(ENGINE, file), file]))('%s imports nothing impure', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const modules = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    const bad = modules.filter((m) => FORBIDDEN_MODULE.test(m));
    expect(bad).toEqual([]);
    expect(text).not.toMatch(/\bprocess\.|\brequire\(/);
  });
});
