// Starts a worker thread on a TypeScript module: Node 20 workers do not inherit `--import tsx`,
// so the worker registers the loader itself, then imports the entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
