// The settings page's section on the national DCAT-AP profiles: one group per profile, a box
// that activates it and the identifiers it needs (each with an example), saved by a form of
// its own.

import type { DcatProfileId } from '../core/dcat-profiles.ts';
import { DCAT_PROFILE_IDS, PROFILE_SETTINGS } from '../core/dcat-profiles.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import type { PageContext } from '../web/page-context.ts';
import { SETTINGS_PATH } from './backoffice-menu.tsx';
import type { DcatProfilesFormValues } from './dcat-profiles-form.ts';
import { profileActiveName, profileFieldName } from './dcat-profiles-form.ts';
import type { Problems } from './form-fields.tsx';
import { SelectField, TextField } from './form-fields.tsx';

export const DCAT_PROFILES_PATH = `${SETTINGS_PATH}dcat-profiles`;

function ProfileGroup(props: {
  ctx: PageContext;
  id: DcatProfileId;
  values: DcatProfilesFormValues;
  problems: Problems<string>;
}) {
  const { ctx, id } = props;
  const { t } = ctx;
  const current = props.values[id];
  const domId = (name: string) => `profile-${id}-${name}`;
  return (
    <fieldset class="fr-fieldset" id={domId('group')} aria-labelledby={domId('legend')}>
      <legend class="fr-fieldset__legend" id={domId('legend')}>
        {t(`bo.settings.profiles.name.${id}` as MessageKey)}
      </legend>
      <div class="fr-fieldset__element">
        <div class="fr-checkbox-group">
          <input
            type="checkbox"
            id={domId('active')}
            name={profileActiveName(id)}
            checked={current.active}
          />
          <label class="fr-label" for={domId('active')}>
            {t('bo.settings.profiles.active', { format: id })}
          </label>
        </div>
      </div>
      {PROFILE_SETTINGS[id].map((setting) => {
        const name = profileFieldName(id, setting.name);
        const label = t(`bo.settings.profiles.field.${setting.name}` as MessageKey);
        const optional = setting.required ? '' : ` ${t('bo.settings.profiles.optional')}`;
        const problem = props.problems[name];
        const value = current.values[setting.name] ?? '';
        return (
          <div class="fr-fieldset__element">
            {setting.choices ? (
              <SelectField
                ctx={ctx}
                id={domId(setting.name)}
                name={name}
                label={`${label}${optional}`}
                value={value}
                options={[
                  { value: '', label: t('bo.settings.profiles.none') },
                  ...setting.choices.map((choice) => ({ value: choice, label: choice })),
                ]}
                problem={problem}
              />
            ) : (
              <TextField
                ctx={ctx}
                id={domId(setting.name)}
                name={name}
                type={setting.name === 'contact_email' ? 'email' : 'text'}
                label={`${label}${optional}`}
                hint={t(`bo.settings.profiles.hint.${setting.name}` as MessageKey)}
                value={value}
                problem={problem}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

export function DcatProfilesSection(props: {
  ctx: PageContext;
  values: DcatProfilesFormValues;
  problems: Problems<string>;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="profiles-heading" class="fr-mb-6w" id="dcat-profiles">
      <h2 id="profiles-heading">{t('bo.settings.profiles')}</h2>
      <p>{t('bo.settings.profiles.intro')}</p>
      <form method="post" action={DCAT_PROFILES_PATH} novalidate id="profiles-form">
        <CsrfField ctx={ctx} />
        {DCAT_PROFILE_IDS.map((id) => (
          <ProfileGroup ctx={ctx} id={id} values={props.values} problems={props.problems} />
        ))}
        <button class="fr-btn" type="submit">
          {t('bo.settings.profiles.save')}
        </button>
      </form>
    </section>
  );
}
