// The back office's user forms: the values as typed (kept on error) and the checks made before
// the accounts service's own, each refusal tied to its field.

import type { User } from '../core/account.ts';
import { ROLES } from '../core/account.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import type { Problems } from './form-fields.tsx';
import { formField, formList } from './form-fields.tsx';

type Body = Record<string, unknown> | undefined;

export interface NewUserValues {
  email: string;
  name: string;
  role: string;
  /** Empty: the portal generates one and shows it once. */
  password: string;
}
export type NewUserField = keyof NewUserValues;

export interface UserEditValues {
  name: string;
  role: string;
  /** `all` datasets, or the `list` below (editors only). */
  datasetsScope: 'all' | 'list';
  datasets: string[];
  groups: string[];
}
export type UserEditField = 'name' | 'role' | 'datasets' | 'groups';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emptyNewUser(): NewUserValues {
  return { email: '', name: '', role: 'user', password: '' };
}

export function newUserFromBody(body: Body): NewUserValues {
  return {
    email: formField(body, 'email'),
    name: formField(body, 'name'),
    role: formField(body, 'role'),
    password: formField(body, 'password'),
  };
}

export function checkNewUser(values: NewUserValues): Problems<NewUserField> {
  const problems: Problems<NewUserField> = {};
  const email = values.email.trim();
  if (email === '') problems.email = { key: 'bo.error.required' };
  else if (!EMAIL.test(email) || email.length > 254)
    problems.email = { key: 'bo.users.error.email' };
  if (values.name.trim().length > 200)
    problems.name = { key: 'bo.error.tooLong', params: { max: 200 } };
  if (!(ROLES as readonly string[]).includes(values.role))
    problems.role = { key: 'bo.error.choice' };
  const length = [...values.password].length;
  if (length > 0 && (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH)) {
    problems.password = {
      key: 'bo.users.error.password',
      params: { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH },
    };
  }
  return problems;
}

export function userEditOf(user: User): UserEditValues {
  return {
    name: user.name,
    role: user.role,
    datasetsScope: user.editsAllDatasets ? 'all' : 'list',
    datasets: [...user.editableDatasets],
    groups: [...user.groupIds],
  };
}

export function userEditFromBody(body: Body): UserEditValues {
  return {
    name: formField(body, 'name'),
    role: formField(body, 'role'),
    datasetsScope: formField(body, 'datasetsScope') === 'all' ? 'all' : 'list',
    datasets: formList(body, 'datasets'),
    groups: formList(body, 'groups'),
  };
}

export function checkUserEdit(
  values: UserEditValues,
  known: { datasets: readonly string[]; groups: readonly string[] },
): Problems<UserEditField> {
  const problems: Problems<UserEditField> = {};
  const name = values.name.trim();
  if (name === '') problems.name = { key: 'bo.error.required' };
  else if (name.length > 200) problems.name = { key: 'bo.error.tooLong', params: { max: 200 } };
  if (!(ROLES as readonly string[]).includes(values.role))
    problems.role = { key: 'bo.error.choice' };
  if (values.datasets.some((id) => !known.datasets.includes(id))) {
    problems.datasets = { key: 'bo.error.choice' };
  }
  if (values.groups.some((id) => !known.groups.includes(id))) {
    problems.groups = { key: 'bo.error.choice' };
  }
  return problems;
}

/** The users a search shows: by name or email (any case), by role, a page of `size`. */
export function searchUsers(
  users: readonly User[],
  query: { q: string; role: string; page: number },
  size: number,
): { users: User[]; total: number; pages: number; page: number } {
  const needle = query.q.trim().toLowerCase();
  const found = users.filter(
    (user) =>
      (needle === '' || user.email.includes(needle) || user.name.toLowerCase().includes(needle)) &&
      (query.role === '' || user.role === query.role),
  );
  const pages = Math.max(1, Math.ceil(found.length / size));
  const page = Math.min(Math.max(1, query.page), pages);
  return { users: found.slice((page - 1) * size, page * size), total: found.length, pages, page };
}
