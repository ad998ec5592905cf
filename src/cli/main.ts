// Process entry of the `datagora` command (bin/datagora.js runs it bundled, scripts/bundle.mjs).

import { processContext } from './context.ts';
import { runCli } from './run.ts';

const outcome = await runCli(process.argv.slice(2), processContext());
if (outcome !== 'running') {
  // Let pending output flush; force the exit if some handle lingers.
  process.exitCode = outcome;
  setTimeout(() => process.exit(outcome), 1000).unref();
}
