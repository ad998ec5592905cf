// A portal for the access tests: a public and a restricted dataset (same shape: a text, a date,
// a number and a point, one attachment each), and the callers of the matrix, built through the
// real services: users and a group (AccountsService), grants, sessions (AuthService.signIn) and
// API keys (ApiKeysService). A signed-in caller also holds the CSRF cookie and token a page gives,
// as a browser would, for the API calls it posts.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { attachmentsDir } from '../../src/app.ts';
import { authServices } from '../../src/auth/index.ts';
import { AttachmentFiles, CatalogService } from '../../src/catalog/index.ts';
import type { Role, User } from '../../src/core/account.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import { importCsvFile } from '../../src/ingest/import-csv-file.ts';
import { csrfFromPage } from '../helpers/csrf.ts';
import type { EngineName } from '../../src/storage/engine.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal } from '../helpers/test-portal.ts';

export const PUBLIC_ID = 'open_data';
export const RESTRICTED_ID = 'closed_data';
/** An id no dataset has: what a caller without access must not tell from RESTRICTED_ID. */
export const MISSING_ID = 'absent_data';
export const ATTACHMENT_ID = 'notice_txt';

export const PUBLIC_TITLE = 'Open inspections';
export const RESTRICTED_TITLE = 'Confidential inspections';
/** A theme only the restricted dataset has: its facet value must not show to others. */
export const RESTRICTED_THEME = 'Confidentiel';
export const SHARED_THEME = 'Alimentation';
export const PUBLIC_RECORDS = 4;
export const RESTRICTED_RECORDS = 3;

const PUBLIC_CSV = [
  'name;city;inspected;score;location',
  'Chez Paul;Paris;2024-01-15;4;48.8566,2.3522',
  'Le Bistrot;Lyon;2024-02-20;3;45.7640,4.8357',
  'La Mere;Marseille;2024-03-05;5;43.2965,5.3698',
  'Au Port;Brest;2024-03-18;2;48.3904,-4.4861',
  '',
].join('\r\n');

const RESTRICTED_CSV = [
  'name;city;inspected;score;location',
  'Secret Kitchen;Paris;2024-04-01;1;48.8606,2.3376',
  'Hidden Bakery;Lille;2024-04-12;2;50.6292,3.0573',
  'Quiet Deli;Nantes;2024-05-02;3;47.2184,-1.5536',
  '',
].join('\r\n');

/** Who the matrix asks as. `account` names the user behind a session or key. */
export type Account = 'other' | 'granted' | 'member' | 'admin' | 'editor' | 'otherEditor';

export interface Caller {
  name: string;
  account: Account | null;
  via: 'anonymous' | 'session' | 'apikey-header' | 'apikey-query';
  headers: Record<string, string>;
  /** Appended to the URL's query string (`apikey=…`), or empty. */
  query: string;
  /** The CSRF token a signed-in browser sends with its POSTs (`X-CSRFToken`). */
  csrfToken?: string;
}

/** The accounts that may read the restricted dataset. */
export const READERS: readonly Account[] = ['granted', 'member', 'admin', 'editor'];

/**
 * Whether the caller reads the restricted dataset on a surface. The site authenticates by
 * session only: an API key on a page is ignored, so the page is the anonymous visitor's.
 */
export function readsRestricted(caller: Caller, surface: 'api' | 'site'): boolean {
  if (caller.account === null || !READERS.includes(caller.account)) return false;
  return surface === 'api' || caller.via === 'session';
}

export interface AccessPortal {
  portal: TestPortal;
  callers: Caller[];
  /** The record ids of each dataset, as the administrator reads them. */
  recordIds: Record<string, string>;
}

const PASSWORD = 'correct horse battery staple';

export async function startAccessPortal(
  engine?: EngineName,
  env: Record<string, string> = {},
): Promise<AccessPortal> {
  const portal = await startTestPortal({
    engine,
    env: { DATAGORA_BASE_URL: 'https://data.example.fr', ...env },
  });
  const { engine: store, home, config } = portal;
  const files = { open: join(home, 'open.csv'), closed: join(home, 'closed.csv') };
  writeFileSync(files.open, PUBLIC_CSV);
  writeFileSync(files.closed, RESTRICTED_CSV);
  await importCsvFile(store, {
    datasetId: PUBLIC_ID,
    path: files.open,
    metas: { ...emptyMetas(PUBLIC_TITLE), theme: [SHARED_THEME] },
  });
  await importCsvFile(store, {
    datasetId: RESTRICTED_ID,
    path: files.closed,
    metas: { ...emptyMetas(RESTRICTED_TITLE), theme: [SHARED_THEME, RESTRICTED_THEME] },
    visibility: 'restricted',
  });
  const notice = join(home, 'notice.txt');
  writeFileSync(notice, 'How the inspections are made.\n');
  const attachments = new AttachmentFiles(
    store.metadata,
    new CatalogService(store.metadata),
    attachmentsDir(config),
  );
  await attachments.add(PUBLIC_ID, notice);
  await attachments.add(RESTRICTED_ID, notice);

  const { accounts, auth, apiKeys } = authServices(store.accounts, store.metadata);
  // Readers first: their answers fill the caches before the others ask.
  const emails: Record<Account, string> = {
    granted: 'granted@example.fr',
    member: 'member@example.fr',
    admin: 'admin@example.fr',
    editor: 'editor@example.fr',
    other: 'other@example.fr',
    otherEditor: 'other-editor@example.fr',
  };
  const roles: Partial<Record<Account, Role>> = {
    admin: 'admin',
    editor: 'editor',
    otherEditor: 'editor',
  };
  const users = {} as Record<Account, User>;
  for (const account of Object.keys(emails) as Account[]) {
    users[account] = await accounts.createUser({
      email: emails[account],
      password: PASSWORD,
      role: roles[account] ?? 'user',
    });
  }
  await accounts.setEditableDatasets(users.editor.id, [RESTRICTED_ID]);
  await accounts.setEditableDatasets(users.otherEditor.id, [PUBLIC_ID]);
  await accounts.grant(RESTRICTED_ID, await accounts.findGrantee('granted@example.fr'));
  const group = await accounts.createGroup('Inspecteurs');
  await accounts.addMember(group.name, 'member@example.fr');
  // The other user belongs to a group too, one without a grant.
  const bystanders = await accounts.createGroup('Visiteurs');
  await accounts.addMember(bystanders.name, 'other@example.fr');
  await accounts.grant(RESTRICTED_ID, await accounts.findGrantee('Inspecteurs'));

  const callers: Caller[] = [];
  const keys: Partial<Record<Account, string>> = {};
  for (const account of Object.keys(emails) as Account[]) {
    const { session } = await auth.signIn(emails[account], PASSWORD, '192.0.2.10');
    const cookie = `sessionid=${session.key}`;
    const csrf = await csrfFromPage(portal.app, '/', { cookie });
    callers.push({
      name: `${account} (session)`,
      account,
      via: 'session',
      headers: { cookie: `${cookie}; ${csrf.cookie}` },
      query: '',
      csrfToken: csrf.token,
    });
    keys[account] = (await apiKeys.create(users[account].id, { label: 'matrix' })).key;
  }
  callers.push({ name: 'anonymous', account: null, via: 'anonymous', headers: {}, query: '' });
  for (const account of ['granted', 'member', 'admin', 'editor', 'other'] as Account[]) {
    callers.push({
      name: `${account} (API key)`,
      account,
      via: 'apikey-header',
      headers: { authorization: `Apikey ${keys[account]}` },
      query: '',
    });
  }
  for (const account of ['granted', 'other'] as Account[]) {
    callers.push({
      name: `${account} (?apikey=)`,
      account,
      via: 'apikey-query',
      headers: {},
      query: `apikey=${keys[account]}`,
    });
  }

  const recordIds: Record<string, string> = {};
  const admin = callers.find((c) => c.account === 'admin' && c.via === 'session')!;
  for (const id of [PUBLIC_ID, RESTRICTED_ID]) {
    const response = await portal.app.inject({
      url: `/api/records/1.0/search/?dataset=${id}&rows=1`,
      headers: admin.headers,
    });
    const body = response.json() as { records: { recordid: string }[] };
    recordIds[id] = body.records[0]!.recordid;
  }
  return { portal, callers, recordIds };
}
