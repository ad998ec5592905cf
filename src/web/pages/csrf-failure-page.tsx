// The page a refused CSRF check answers (403): what happened, in the visitor's language, and
// what to do. Its own header form carries a fresh token (and sets the cookie if it was
// missing), so reloading the form's page is enough in most cases.

import type { ErrorCode } from '../../core/errors.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { Layout } from '../layout/layout.tsx';
import type { PageContext } from '../page-context.ts';

const REASONS: Partial<Record<ErrorCode, MessageKey>> = {
  DG_ERR_CSRF_CROSS_SITE: 'csrf.reason.crossSite',
  DG_ERR_CSRF_ORIGIN_MISMATCH: 'csrf.reason.origin',
  DG_ERR_CSRF_REFERER: 'csrf.reason.referer',
  DG_ERR_CSRF_COOKIE_MISSING: 'csrf.reason.cookie',
  DG_ERR_CSRF_TOKEN_MISSING: 'csrf.reason.tokenMissing',
  DG_ERR_CSRF_TOKEN_WRONG: 'csrf.reason.tokenWrong',
};

export function isCsrfError(code: ErrorCode): boolean {
  return REASONS[code] !== undefined;
}

export function CsrfFailurePage({ ctx, code }: { ctx: PageContext; code: ErrorCode }) {
  const { t } = ctx;
  const reason = REASONS[code];
  return (
    <Layout ctx={ctx} title={t('csrf.title')}>
      <div class="fr-container fr-py-6w">
        <h1>{t('csrf.title')}</h1>
        <p class="fr-text--sm fr-mb-3w">{t('error.code', { status: 403 })}</p>
        <p class="fr-text--lead">{t('csrf.text')}</p>
        {reason ? <p id="csrf-reason">{t(reason)}</p> : null}
        <h2>{t('csrf.todo.heading')}</h2>
        <ul>
          <li>{t('csrf.todo.reload')}</li>
          <li>
            {t('csrf.todo.cookies')} <a href="/cookies/">{t('csrf.todo.policy')}</a>
          </li>
        </ul>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a class="fr-btn" href="/">
              {t('error.home')}
            </a>
          </li>
        </ul>
      </div>
    </Layout>
  );
}
