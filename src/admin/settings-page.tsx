// /backoffice/settings/: the portal's name, languages, theme and contact, its logo (a form of its
// own, multipart), the legal notice and accessibility statement in Markdown, and the national
// DCAT-AP profiles served (a form of their own).

import type { MessageKey } from '../i18n/translate.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages.ts';
import { LOGO_MAX_BYTES } from '../settings/index.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { Notice } from './backoffice-frame.tsx';
import { BackOfficeFrame } from './backoffice-frame.tsx';
import { SETTINGS_PATH } from './backoffice-menu.tsx';
import type { DcatProfilesFormValues } from './dcat-profiles-form.ts';
import { DcatProfilesSection } from './dcat-profiles-section.tsx';
import type { Problem, Problems } from './form-fields.tsx';
import { ChoiceGroup, ErrorText, SelectField, TextField } from './form-fields.tsx';
import type { SettingsFormField, SettingsValues } from './settings-form.ts';
import { PAGE_TEXT_FIELDS } from './settings-form.ts';

export interface SettingsPageState {
  values: SettingsValues;
  problems: Problems<SettingsFormField>;
  logoUrl: string | null;
  logoProblem: Problem | null;
  profiles: DcatProfilesFormValues;
  profileProblems: Problems<string>;
  notice: Notice | null;
}

function SettingsForm({ ctx, state }: { ctx: PageContext; state: SettingsPageState }) {
  const { t } = ctx;
  const { values, problems } = state;
  const languages = LANGUAGES.map((lang) => ({ value: lang, label: LANGUAGE_NAMES[lang] }));
  return (
    <form method="post" action={SETTINGS_PATH} novalidate id="settings-form">
      <CsrfField ctx={ctx} />
      <h2>{t('bo.settings.general')}</h2>
      <TextField
        ctx={ctx}
        id="settings-portalName"
        name="portalName"
        label={t('bo.settings.portalName')}
        value={values.portalName}
        problem={problems.portalName}
      />
      <ChoiceGroup
        ctx={ctx}
        id="settings-languages"
        name="languages"
        type="checkbox"
        legend={t('bo.settings.languages')}
        options={languages}
        checked={values.languages}
        problem={problems.languages}
      />
      <SelectField
        ctx={ctx}
        id="settings-defaultLanguage"
        name="defaultLanguage"
        label={t('bo.settings.defaultLanguage')}
        value={values.defaultLanguage}
        options={languages}
        problem={problems.defaultLanguage}
      />
      <ChoiceGroup
        ctx={ctx}
        id="settings-theme"
        name="theme"
        type="radio"
        legend={t('bo.settings.theme')}
        options={[
          { value: 'state', label: t('bo.settings.theme.state') },
          { value: 'neutral', label: t('bo.settings.theme.neutral') },
        ]}
        checked={[values.theme]}
        problem={problems.theme}
      />
      <TextField
        ctx={ctx}
        id="settings-contactEmail"
        name="contactEmail"
        type="email"
        label={t('bo.settings.contact')}
        hint={t('bo.settings.contactHint')}
        value={values.contactEmail}
        problem={problems.contactEmail}
      />
      <h2>{t('bo.settings.pages')}</h2>
      <p>{t('bo.settings.pagesIntro')}</p>
      {PAGE_TEXT_FIELDS.map((name) => {
        const [key, lang] = name.split(':') as [string, string];
        const id = `settings-${key.replace('.', '-')}-${lang}`;
        return (
          <TextField
            ctx={ctx}
            id={id}
            name={name}
            rows={8}
            lang={lang}
            label={t(`bo.settings.text.${key.split('.')[0]}.${lang}` as MessageKey)}
            value={state.values.texts[name] ?? ''}
            problem={state.problems[name]}
          />
        );
      })}
      <button class="fr-btn" type="submit">
        {t('bo.settings.save')}
      </button>
    </form>
  );
}

function LogoForms({ ctx, state }: { ctx: PageContext; state: SettingsPageState }) {
  const { t } = ctx;
  const problem = state.logoProblem ?? undefined;
  return (
    <section aria-labelledby="logo-heading" class="fr-mb-6w" id="logo">
      <h2 id="logo-heading">{t('bo.settings.logo')}</h2>
      {state.logoUrl ? (
        <p>
          <img src={state.logoUrl} alt={t('bo.settings.logoCurrent')} class="dg-portal-logo" />
        </p>
      ) : (
        <p id="logo-none">{t('bo.settings.logoNone')}</p>
      )}
      <form method="post" action={`${SETTINGS_PATH}logo`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <div class={`fr-upload-group${problem ? ' fr-upload-group--error' : ''}`}>
          <label class="fr-label" for="settings-logo">
            {t('bo.settings.logoFile')}
            <span class="fr-hint-text" id="settings-logo-hint">
              {t('bo.settings.logoHint', { max: Math.round(LOGO_MAX_BYTES / 1024) })}
            </span>
          </label>
          <input
            class="fr-upload"
            type="file"
            id="settings-logo"
            name="logo"
            accept="image/png,image/jpeg,image/svg+xml"
            aria-describedby={`settings-logo-hint${problem ? ' settings-logo-error' : ''}`}
            aria-invalid={problem ? true : undefined}
          />
          <ErrorText ctx={ctx} id="settings-logo" problem={problem} />
        </div>
        <button class="fr-btn fr-btn--secondary fr-mt-2w" type="submit">
          {t('bo.settings.logoUpload')}
        </button>
      </form>
      {state.logoUrl ? (
        <form method="post" action={`${SETTINGS_PATH}logo/remove`} class="fr-mt-2w">
          <CsrfField ctx={ctx} />
          <button class="fr-btn fr-btn--tertiary" type="submit">
            {t('bo.settings.logoRemove')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function SettingsPage({ ctx, state }: { ctx: PageContext; state: SettingsPageState }) {
  const { t } = ctx;
  return (
    <BackOfficeFrame
      ctx={ctx}
      title={t('bo.settings.title')}
      section={SETTINGS_PATH}
      notice={state.notice}
    >
      <p>{t('bo.settings.intro')}</p>
      <LogoForms ctx={ctx} state={state} />
      <SettingsForm ctx={ctx} state={state} />
      <DcatProfilesSection ctx={ctx} values={state.profiles} problems={state.profileProblems} />
    </BackOfficeFrame>
  );
}
