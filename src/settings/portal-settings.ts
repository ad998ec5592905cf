// The portal settings administrators change in the back office: the portal's name, the languages
// offered and the default one, the theme (with or without the French State's identity), a contact
// address, the logo and the national DCAT-AP profiles served. Stored as named text values; the
// configuration gives the defaults.

import type { DcatProfiles } from '../core/dcat-profiles.ts';
import { DCAT_PROFILE_IDS, checkProfileValues } from '../core/dcat-profiles.ts';
import type { Lang } from '../i18n/languages.ts';
import { LANGUAGES, isLang } from '../i18n/languages.ts';

export interface PortalSettings {
  portalName: string;
  /** Offered to visitors, in the site's language order; never empty. */
  languages: Lang[];
  /** One of `languages`: what a visitor gets when nothing says otherwise. */
  defaultLanguage: Lang;
  /** The French State's identity (Marianne block, "République française"). */
  stateIdentity: boolean;
  /** An email address shown in the footer and the accessibility statement, or ''. */
  contactEmail: string;
  /** The logo's asset name (served under /assets/), or null for none. */
  logo: string | null;
  /** The national DCAT-AP profiles activated, with their values (none by default). */
  dcatProfiles: DcatProfiles;
}

/** What the settings form sends (the logo and the profiles have forms of their own). */
export type SettingsInput = Omit<PortalSettings, 'logo' | 'languages' | 'dcatProfiles'> & {
  languages: string[];
};
export type SettingsField = 'portalName' | 'languages' | 'defaultLanguage' | 'contactEmail';

/** Why a field is refused: the back office turns each into a message next to the field. */
export type SettingsProblem = 'required' | 'tooLong' | 'choice' | 'email' | 'notOffered';

export const PORTAL_NAME_MAX_LENGTH = 100;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const KEYS = {
  portalName: 'portal_name',
  languages: 'languages',
  defaultLanguage: 'default_language',
  stateIdentity: 'state_identity',
  contactEmail: 'contact_email',
  logo: 'logo',
} as const;

export function checkSettings(
  input: SettingsInput,
): Partial<Record<SettingsField, SettingsProblem>> {
  const problems: Partial<Record<SettingsField, SettingsProblem>> = {};
  const name = input.portalName.trim();
  if (name === '') problems.portalName = 'required';
  else if (name.length > PORTAL_NAME_MAX_LENGTH) problems.portalName = 'tooLong';
  if (input.languages.length === 0) problems.languages = 'required';
  else if (!input.languages.every(isLang)) problems.languages = 'choice';
  if (!isLang(input.defaultLanguage)) problems.defaultLanguage = 'choice';
  else if (!input.languages.includes(input.defaultLanguage))
    problems.defaultLanguage = 'notOffered';
  const email = input.contactEmail.trim();
  if (email !== '' && (!EMAIL.test(email) || email.length > 254)) problems.contactEmail = 'email';
  return problems;
}

/** The stored values of valid input. */
export function storedValues(input: SettingsInput): Record<string, string> {
  return {
    [KEYS.portalName]: input.portalName.trim(),
    [KEYS.languages]: LANGUAGES.filter((lang) => input.languages.includes(lang)).join(','),
    [KEYS.defaultLanguage]: input.defaultLanguage,
    [KEYS.stateIdentity]: input.stateIdentity ? 'true' : 'false',
    [KEYS.contactEmail]: input.contactEmail.trim(),
  };
}

export const LOGO_KEY = KEYS.logo;

/** The stored name of a profile's values (JSON); absent when the profile is not activated. */
export const dcatProfileKey = (id: string) => `dcat_profile.${id}`;

/** The activated profiles among stored values; values no longer valid deactivate theirs. */
function dcatProfilesFrom(stored: Record<string, string>): DcatProfiles {
  const profiles: DcatProfiles = {};
  for (const id of DCAT_PROFILE_IDS) {
    const text = stored[dcatProfileKey(id)];
    if (!text) continue;
    let values: unknown;
    try {
      values = JSON.parse(text);
    } catch {
      continue;
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values)) continue;
    const strings = Object.fromEntries(
      Object.entries(values).filter((entry): entry is [string, string] => {
        return typeof entry[1] === 'string';
      }),
    );
    if (Object.keys(checkProfileValues(id, strings)).length === 0) profiles[id] = strings;
  }
  return profiles;
}

/** The settings from stored values; a value missing or unreadable keeps its default. */
export function settingsFrom(
  stored: Record<string, string>,
  defaults: PortalSettings,
): PortalSettings {
  const languages = (stored[KEYS.languages] ?? '').split(',').filter(isLang);
  const offered = languages.length > 0 ? languages : defaults.languages;
  const wanted = stored[KEYS.defaultLanguage];
  const fallback = offered.includes(defaults.defaultLanguage)
    ? defaults.defaultLanguage
    : offered[0]!;
  const state = stored[KEYS.stateIdentity];
  return {
    portalName: stored[KEYS.portalName] || defaults.portalName,
    languages: offered,
    defaultLanguage: isLang(wanted) && offered.includes(wanted) ? wanted : fallback,
    stateIdentity: state === undefined ? defaults.stateIdentity : state === 'true',
    contactEmail: stored[KEYS.contactEmail] ?? defaults.contactEmail,
    logo: stored[KEYS.logo] || defaults.logo,
    dcatProfiles: dcatProfilesFrom(stored),
  };
}
