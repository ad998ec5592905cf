// Asks for a password at the terminal without echoing it (npm's own `read`), or reads it from
// piped input, for scripts.

import { read } from 'read';

export async function readPassword(
  prompt: string,
  input: NodeJS.ReadStream,
  output: NodeJS.WriteStream,
): Promise<string> {
  const answer = await read({ prompt, silent: true, replace: '', input, output });
  return String(answer);
}
