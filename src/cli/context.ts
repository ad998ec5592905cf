// What a command needs from its process: settings, output streams. Tests pass their own.

import type { Config } from '../config/index.ts';
import { loadConfig, processEnvironment } from '../config/index.ts';

export interface CliContext {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  config(): Config;
}

export function processContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    config: () => loadConfig(processEnvironment()),
  };
}
