// Opens the store and the account services for one command, and closes the store after it.

import { openStorage } from '../../app.ts';
import type { AuthServices } from '../../auth/index.ts';
import { authServices } from '../../auth/index.ts';
import type { CliContext } from '../context.ts';

export async function withAuth<T>(
  context: CliContext,
  work: (auth: AuthServices) => Promise<T>,
): Promise<T> {
  const engine = await openStorage(context.config());
  try {
    return await work(authServices(engine.accounts, engine.metadata));
  } finally {
    await engine.close();
  }
}
