// A portal for the processors page's tests: a dataset `cafes` whose source is a small CSV file
// stored under the portal's home, an administrator, a plain user, an editor of `cafes` and an
// editor of another dataset, and the requests a browser would make (CSRF token included).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { LightMyRequestResponse as Response } from 'fastify';
import { parse } from 'node-html-parser';

import { emptyMetas } from '../../src/core/dataset.ts';
import type { EngineName } from '../../src/storage/engine.ts';
import { csrfFromPage, formWithToken } from './csrf.ts';
import { STAFF_PASSWORD, staffSessions } from './staff-sessions.ts';
import type { TestPortal } from './test-portal.ts';
import { startTestPortal } from './test-portal.ts';

export const HOST = 'data.example.fr';
export const PAGE = '/backoffice/datasets/cafes/processors/';
export const CAFES_CSV =
  'Nom;Ville;Code postal\nChez Paul;Lyon;69001\nLe Zinc;Paris;75009\nChez Paul;Lyon;69001\nLa Cloche;Lille;59000\n';

export interface ProcessorsPortal {
  portal: TestPortal;
  admin: string;
  user: string;
  /** Editor of `cafes` (session cookie) and their user id. */
  editor: string;
  editorId: string;
  /** Editor of `parks` only. */
  otherEditor: string;
  get(url: string, session?: string, lang?: string): Promise<Response>;
  post(
    url: string,
    fields: Record<string, string>,
    session: string,
    withToken?: boolean,
  ): Promise<Response>;
  /** The revision the list page's forms carry now. */
  revision(session: string): Promise<string>;
  /** Writes the source file of `cafes`. */
  writeSource(csv: string): void;
}

async function editorOf(portal: TestPortal, email: string, datasets: string[]) {
  const { accounts, auth } = portal.services.auth;
  const account = await accounts.createUser({
    email,
    name: email.split('@')[0]!,
    password: STAFF_PASSWORD,
    role: 'editor',
  });
  await accounts.setEditableDatasets(account.id, datasets);
  const session = await auth.renewSession(await accounts.findUser(account.id));
  return { id: account.id, cookie: `sessionid=${session.key}` };
}

export async function startProcessorsPortal(engine: EngineName): Promise<ProcessorsPortal> {
  const portal = await startTestPortal({ engine });
  const { admin, user } = await staffSessions(portal);
  const location = 'uploads/cafes/source/data';
  const writeSource = (csv: string) => {
    mkdirSync(join(portal.home, 'uploads', 'cafes', 'source'), { recursive: true });
    writeFileSync(join(portal.home, location), csv);
  };
  writeSource(CAFES_CSV);
  await portal.engine.metadata.saveDataset({ id: 'cafes', metas: emptyMetas('Cafés') });
  await portal.engine.metadata.saveDataset({ id: 'parks', metas: emptyMetas('Parks') });
  const editor = await editorOf(portal, 'editor@example.org', ['cafes']);
  const other = await editorOf(portal, 'other@example.org', ['parks']);
  await portal.engine.imports.saveSource({
    datasetId: 'cafes',
    kind: 'file',
    location,
    fileName: 'cafes.csv',
    size: CAFES_CSV.length,
    options: {},
    schedule: 'none',
    nextRunAt: null,
  });
  const get = (url: string, session?: string, lang = 'en') =>
    portal.app.inject({
      url,
      headers: { host: HOST, 'accept-language': lang, ...(session ? { cookie: session } : {}) },
    });
  return {
    portal,
    admin,
    user,
    editor: editor.cookie,
    editorId: editor.id,
    otherEditor: other.cookie,
    get,
    async post(url, fields, session, withToken = true) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      return portal.app.inject({
        method: 'POST',
        url,
        headers: {
          host: HOST,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${session}; ${csrf.cookie}`,
        },
        payload: withToken
          ? formWithToken(fields, csrf.token)
          : new URLSearchParams(fields).toString(),
      });
    },
    async revision(session) {
      const page = await get(PAGE, session);
      const input = parse(page.body).querySelector('input[name=revision]');
      if (input) return input.getAttribute('value') ?? '';
      // An empty list has no row forms: the add form's page carries it.
      const form = await get(`${PAGE}new?type=delete`, session);
      return parse(form.body).querySelector('input[name=revision]')?.getAttribute('value') ?? '';
    },
    writeSource,
  };
}

/** The text of an element of a page, trimmed ('' when absent). */
export function textOf(body: string, selector: string): string {
  return parse(body).querySelector(selector)?.text.trim() ?? '';
}
