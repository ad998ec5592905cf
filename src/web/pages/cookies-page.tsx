// The cookie policy, written from the portal's cookie registry (core/cookies.ts): the table
// lists exactly the cookies the code sets, with their purpose, lifetime and attributes.

import { PORTAL_COOKIES } from '../../core/cookies.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { ScrollTable } from '../components/scroll-table.tsx';
import { Layout } from '../layout/layout.tsx';
import type { PageContext } from '../page-context.ts';

function lifetime(ctx: PageContext, seconds: number): string {
  const days = Math.round(seconds / 86_400);
  if (days % 365 === 0) return ctx.count('cookie.months', (days / 365) * 12);
  return days % 7 === 0 ? ctx.count('cookie.weeks', days / 7) : ctx.count('cookie.days', days);
}

export function CookiesPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cookies.title')} crumbs={[{ label: t('cookies.title') }]}>
      <div class="fr-container fr-pb-6w">
        <h1>{t('cookies.title')}</h1>
        <p>{t('cookies.intro', { portal: ctx.site.portalName })}</p>
        <ScrollTable id="cookies-table" caption={t('cookies.caption')} showCaption>
          <thead>
            <tr>
              <th scope="col">{t('cookies.name')}</th>
              <th scope="col">{t('cookies.purpose')}</th>
              <th scope="col">{t('cookies.lifetime')}</th>
              <th scope="col">{t('cookies.attributes')}</th>
            </tr>
          </thead>
          <tbody>
            {PORTAL_COOKIES.map((cookie) => (
              <tr>
                <th scope="row">
                  <code>{cookie.name}</code>
                </th>
                <td>{t(cookie.purposeKey as MessageKey)}</td>
                <td>{lifetime(ctx, cookie.maxAgeSeconds)}</td>
                <td>
                  {[
                    cookie.httpOnly ? 'HttpOnly' : null,
                    `SameSite=${cookie.sameSite === 'lax' ? 'Lax' : 'Strict'}`,
                    t('cookies.secure'),
                    `Path=${cookie.path}`,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <h2 id="cookie-choices">{t('cookies.choicesHeading')}</h2>
        <p>{t('cookies.choicesText')}</p>
      </div>
    </Layout>
  );
}
