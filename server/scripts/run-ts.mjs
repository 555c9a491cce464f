// Runs a TypeScript script (benchmarks, evaluations) by bundling it with
// esbuild into a temporary file first: the project has no TS loader at run
// time, and the bundle resolves the engine's ESM dependencies the same way
// the shipped CLI does. Usage: node server/scripts/run-ts.mjs FILE.ts [args]
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node server/scripts/run-ts.mjs FILE.ts [args]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'policylint-run-'));
const outfile = join(dir, 'script.cjs');
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  // As in build.mjs: keep \p{…} regular expression literals as literals.
  supported: { 'regexp-unicode-property-escapes': true },
  // As in build.mjs: ESM dependencies read import.meta.url at load time.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
process.argv = [process.argv[0], resolve(entry), ...args];
try {
  // __dirname in the script must be the script's own folder, not the temp folder.
  const code = readFileSync(outfile, 'utf8');
  const module = { exports: {} };
  const run = new Function('require', 'module', 'exports', '__filename', '__dirname', code);
  run(createRequire(resolve(entry)), module, module.exports, resolve(entry), dirname(resolve(entry)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
