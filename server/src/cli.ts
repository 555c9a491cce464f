/**
 * Entry point of the `policylint` command. All behaviour lives in `cli/run.ts`
 * so it can be tested in-process; this file only wires it to the process.
 */
import { main } from './cli/run';

// `policylint ... | head` closes stdout early; that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`policylint: cannot write output: ${error.message}\n`);
  process.exitCode = 2;
});

void main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
}).then((code) => {
  // exitCode rather than exit(): let buffered output to pipes drain first.
  process.exitCode = code;
});
