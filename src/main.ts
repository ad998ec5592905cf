// Process entry of `npm start`: read the configuration, then serve the portal.
// A wrong setting stops the process with its name and exit code 2.

import { ConfigError, loadConfig, processEnvironment } from './config/index.ts';
import { servePortal } from './serve.ts';

try {
  await servePortal(loadConfig(processEnvironment()));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error('datagora could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
}
