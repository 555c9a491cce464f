// Bundles the extension client, the language server and the CLI (and its
// worker thread) with esbuild.
// Every runtime dependency is bundled so the .vsix ships no node_modules.
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// A hash of the engine's sources, baked into the CLI so a --cache written by
// another build of the engine (summaries change shape) is never read back.
function engineBuild() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  walk('server/src/engine');
  return hash.digest('hex').slice(0, 16);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // esbuild 0.28 rewrites some \p{…} regular expression literals into `new RegExp(…)` calls at their
  // place of use for node20 (rebuilt on every call: name extraction took 1.7x as long). Node 20 has them.
  supported: { 'regexp-unicode-property-escapes': true },
  // ESM dependencies (fdir, via tinyglobby) call createRequire(import.meta.url)
  // at load time; in a CJS bundle import.meta is empty, so give it the bundle's URL.
  define: { 'import.meta.url': 'importMetaUrl', POLICYLINT_ENGINE_BUILD: JSON.stringify(engineBuild()) },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' }),
  build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'server/out/cli.js',
    // The shebang must stay on the first line.
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  }),
  // The CLI's worker threads (--concurrency) load this next to cli.js.
  build({ ...common, entryPoints: ['server/src/cli-worker.ts'], outfile: 'server/out/cli-worker.js' }),
]);

// `npx policylint` in this project runs the bin file itself: it must be executable
// (npm links and marks the bins of dependencies, not the project's own).
chmodSync('server/out/cli.js', 0o755);
