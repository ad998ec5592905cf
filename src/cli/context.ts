// What a command needs from its process: settings, output streams, a password source. Tests
// pass their own.

import type { Config } from '../config/index.ts';
import { commandLinePassword, loadConfig, processEnvironment } from '../config/index.ts';
import { readPassword } from './read-password.ts';

export interface CliContext {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  config(): Config;
  /** DATAGORA_PASSWORD, or else asked at a prompt (input hidden on a terminal). */
  password(prompt: string): Promise<string>;
}

export function processContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    config: () => loadConfig(processEnvironment()),
    password: async (prompt) =>
      commandLinePassword(processEnvironment()) ??
      readPassword(prompt, process.stdin, process.stderr),
  };
}
