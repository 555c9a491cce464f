/** Entry point of the CLI's worker threads (`--concurrency`); all behaviour lives in `cli/worker.ts`. */
import { serveWorker } from './cli/worker';

serveWorker();
