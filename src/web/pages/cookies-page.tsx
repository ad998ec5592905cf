// The cookie policy, generated from the cookie registry and the configured third-party
// services: the kinds of cookies explained, then one table per category. Nobody edits the
// tables by hand, so the page lists exactly what the portal can set.

import type { MessageKey } from '../../i18n/translate.ts';
import { preferencesUrl } from '../components/consent/consent-buttons.tsx';
import { Markdown } from '../components/markdown.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import { Layout } from '../layout/layout.tsx';
import type { PageContext } from '../page-context.ts';
import type { PolicyTable } from './cookie-policy-model.ts';
import { policyTables } from './cookie-policy-model.ts';

function CategoryTable({ ctx, table }: { ctx: PageContext; table: PolicyTable }) {
  const { t } = ctx;
  const id = `cookies-${table.category}`;
  const title = t(`cookies.category.${table.category}` as MessageKey);
  return (
    <section aria-labelledby={`${id}-heading`} class="fr-mb-4w">
      <h2 id={`${id}-heading`}>{title}</h2>
      <p>{t(`cookies.category.${table.category}.text` as MessageKey)}</p>
      {table.rows.length === 0 ? (
        <p>{t('cookies.category.empty')}</p>
      ) : (
        <ScrollTable id={id} caption={title}>
          <thead>
            <tr>
              <th scope="col">{t('cookies.col.provider')}</th>
              <th scope="col">{t('cookies.col.function')}</th>
              <th scope="col">{t('cookies.col.names')}</th>
              <th scope="col">{t('cookies.col.purpose')}</th>
              <th scope="col">{t('cookies.col.lifetime')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr>
                <th scope="row">{row.provider}</th>
                <td>{row.function}</td>
                <td>
                  {row.cookies.length === 0
                    ? (row.noCookie ?? t('cookies.noCookie'))
                    : row.cookies.map((cookie, index) => (
                        <>
                          {index > 0 ? <br /> : null}
                          <code>{cookie.name}</code>
                          {cookie.attributes ? (
                            <span class="fr-text--xs fr-mb-0 dg-cookie-attributes">
                              {t('cookies.attributesNote', { attributes: cookie.attributes })}
                            </span>
                          ) : null}
                        </>
                      ))}
                </td>
                <td>
                  {row.purpose}
                  {row.optOut ? (
                    <>
                      {' '}
                      <a href={preferencesUrl('/cookies/')} data-consent-open>
                        {t('cookies.audience.optOut')}
                      </a>
                    </>
                  ) : null}
                </td>
                <td>
                  {row.cookies.length === 0
                    ? (row.keptFor ?? '—')
                    : row.cookies.map((cookie, index) => (
                        <>
                          {index > 0 ? <br /> : null}
                          {row.cookies.length > 1 ? `${cookie.name} : ` : ''}
                          {cookie.lifetime}
                        </>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}

/** What the administrator wrote around the tables, in the visitor's language (Markdown). */
export interface CookiePolicyTexts {
  before: string | null;
  after: string | null;
}

export function CookiesPage({ ctx, texts }: { ctx: PageContext; texts: CookiePolicyTexts }) {
  const { t } = ctx;
  const tables = policyTables(ctx, ctx.consent?.policy.services ?? []);
  return (
    <Layout ctx={ctx} title={t('cookies.title')} crumbs={[{ label: t('cookies.title') }]}>
      <div class="fr-container fr-pb-6w">
        <h1>{t('cookies.title')}</h1>
        <p>{t('cookies.intro', { portal: ctx.site.portalName })}</p>
        {texts.before ? <Markdown source={texts.before} class="dg-portal-text" /> : null}
        <h2>{t('cookies.kinds.heading')}</h2>
        <ul>
          <li>{t('cookies.kinds.necessary')}</li>
          <li>{t('cookies.kinds.statistics')}</li>
          <li>{t('cookies.kinds.firstParty')}</li>
          <li>{t('cookies.kinds.thirdParty')}</li>
        </ul>
        {tables.map((table) => (
          <CategoryTable ctx={ctx} table={table} />
        ))}
        {texts.after ? <Markdown source={texts.after} class="dg-portal-text" /> : null}
        <h2 id="cookie-choices">{t('cookies.choicesHeading')}</h2>
        <p>{t('cookies.choicesText')}</p>
        {ctx.site.audienceStatistics ? (
          <p id="statistics-opt-out">{t('cookies.audience.optOutText')}</p>
        ) : null}
        <p>
          <a class="fr-btn fr-btn--secondary" href={preferencesUrl('/cookies/')} data-consent-open>
            {t('cookies.choicesLink')}
          </a>
        </p>
      </div>
    </Layout>
  );
}
