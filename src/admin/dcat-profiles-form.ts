// The back office's form of the national DCAT-AP profiles: for each profile, whether it is
// served and its values as typed (kept on error, also for a profile left off), read into the
// activated profiles, and each refusal tied to its field (`<profile>.<setting>`).

import type { DcatProfileId, DcatProfiles, ProfileValues } from '../core/dcat-profiles.ts';
import { DCAT_PROFILE_IDS, PROFILE_SETTINGS, checkProfileValues } from '../core/dcat-profiles.ts';
import type { Problem, Problems } from './form-fields.tsx';
import { formField } from './form-fields.tsx';

type Body = Record<string, unknown> | undefined;

export interface DcatProfileFormValue {
  active: boolean;
  values: ProfileValues;
}

export type DcatProfilesFormValues = Record<DcatProfileId, DcatProfileFormValue>;

/** The form's name of a profile's setting, which is also its problem's key. */
export const profileFieldName = (id: DcatProfileId, setting: string) => `${id}.${setting}`;
export const profileActiveName = (id: DcatProfileId) => `${id}.active`;

/**
 * The form of the activated profiles; a profile not activated offers the portal's contact
 * address (`contactEmail`, possibly empty) as the address of datasets without one.
 */
export function dcatProfilesValuesOf(
  profiles: DcatProfiles,
  contactEmail: string,
): DcatProfilesFormValues {
  const form = {} as DcatProfilesFormValues;
  for (const id of DCAT_PROFILE_IDS) {
    const values = profiles[id];
    const asks = PROFILE_SETTINGS[id].some((setting) => setting.name === 'contact_email');
    const offered: ProfileValues =
      asks && contactEmail !== '' ? { contact_email: contactEmail } : {};
    form[id] = { active: values !== undefined, values: { ...(values ?? offered) } };
  }
  return form;
}

export function dcatProfilesValuesFromBody(body: Body): DcatProfilesFormValues {
  const form = {} as DcatProfilesFormValues;
  for (const id of DCAT_PROFILE_IDS) {
    const values: ProfileValues = {};
    for (const setting of PROFILE_SETTINGS[id]) {
      values[setting.name] = formField(body, profileFieldName(id, setting.name));
    }
    form[id] = { active: formField(body, profileActiveName(id)) === 'on', values };
  }
  return form;
}

/** The profiles to activate: those ticked, with their values. */
export function dcatProfilesOf(form: DcatProfilesFormValues): DcatProfiles {
  const profiles: DcatProfiles = {};
  for (const id of DCAT_PROFILE_IDS) {
    if (form[id].active) profiles[id] = form[id].values;
  }
  return profiles;
}

const MESSAGES: Record<string, Problem> = {
  required: { key: 'bo.error.required' },
  choice: { key: 'bo.error.choice' },
  format: { key: 'bo.settings.profiles.error.format' },
};

/** The refusals of the ticked profiles' values (a profile left off is not checked). */
export function checkDcatProfilesForm(form: DcatProfilesFormValues): Problems<string> {
  const problems: Problems<string> = {};
  for (const id of DCAT_PROFILE_IDS) {
    if (!form[id].active) continue;
    for (const [setting, problem] of Object.entries(checkProfileValues(id, form[id].values))) {
      if (problem) problems[profileFieldName(id, setting)] = MESSAGES[problem];
    }
  }
  return problems;
}
