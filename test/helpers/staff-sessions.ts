// Signed-in visitors for back office tests: an administrator and a plain user, each with a live
// session, as `sessionid=…` ready for a Cookie header.

import type { TestPortal } from './test-portal.ts';

export const STAFF_PASSWORD = 'correct horse battery staple';

export async function staffSessions(portal: TestPortal): Promise<{ admin: string; user: string }> {
  const { accounts, auth } = portal.services.auth;
  const admin = await accounts.createUser({
    email: 'admin@example.org',
    name: 'Admin',
    password: STAFF_PASSWORD,
    role: 'admin',
  });
  const user = await accounts.createUser({
    email: 'user@example.org',
    name: 'User',
    password: STAFF_PASSWORD,
  });
  return {
    admin: `sessionid=${(await auth.renewSession(admin)).key}`,
    user: `sessionid=${(await auth.renewSession(user)).key}`,
  };
}

/** An editor of the given datasets (or of every one), signed in, as `sessionid=…`. */
export async function editorSession(
  portal: TestPortal,
  email: string,
  datasets: string[] | 'all',
): Promise<{ cookie: string; id: string }> {
  const { accounts, auth } = portal.services.auth;
  const editor = await accounts.createUser({
    email,
    name: email.split('@')[0],
    password: STAFF_PASSWORD,
    role: 'editor',
  });
  if (datasets === 'all') await accounts.setRole(editor.id, 'editor', true);
  else await accounts.setEditableDatasets(editor.id, datasets);
  const fresh = await accounts.findUser(editor.id);
  return { cookie: `sessionid=${(await auth.renewSession(fresh)).key}`, id: editor.id };
}
