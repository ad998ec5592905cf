// The pages every public site must have: legal notice, accessibility statement, personal
// data. Their text comes from the message catalogues, unless an administrator wrote the legal
// notice or the accessibility statement in the back office (Markdown, per language).

import type { PortalTextKey } from '../../core/portal-texts.ts';
import { Markdown } from '../components/markdown.tsx';

import type { MessageKey } from '../../i18n/translate.ts';
import { Layout } from '../layout/layout.tsx';
import type { PageContext } from '../page-context.ts';

/** The message prefixes of page sections: each has `<prefix>.heading` and `<prefix>.text`. */
type Section = MessageKey extends infer K ? (K extends `${infer P}.heading` ? P : never) : never;

export const LEGAL_PAGES = {
  '/legal-notice/': {
    title: 'legal.title',
    sections: ['legal.publisher', 'legal.hosting', 'legal.reuse'],
  },
  '/accessibility/': {
    title: 'a11y.title',
    sections: ['a11y.status', 'a11y.checks', 'a11y.contact', 'a11y.remedy'],
  },
  '/personal-data/': {
    title: 'privacy.title',
    sections: ['privacy.what', 'privacy.logs', 'privacy.accounts', 'privacy.rights'],
  },
} as const satisfies Record<string, { title: MessageKey; sections: Section[] }>;

export type LegalPath = keyof typeof LEGAL_PAGES;

/** The pages whose text an administrator may write instead. */
export const WRITTEN_PAGES: Partial<Record<LegalPath, PortalTextKey>> = {
  '/legal-notice/': 'legal-notice.body',
  '/accessibility/': 'accessibility.body',
};

export function LegalPage({
  ctx,
  path,
  written,
}: {
  ctx: PageContext;
  path: LegalPath;
  /** The administrator's Markdown for this page and language, if any. */
  written?: string | null;
}) {
  const { t } = ctx;
  const page = LEGAL_PAGES[path];
  const vars = { portal: ctx.site.portalName, url: ctx.site.baseUrl };
  return (
    <Layout ctx={ctx} title={t(page.title)} crumbs={[{ label: t(page.title) }]}>
      <div class="fr-container fr-pb-6w">
        <h1>{t(page.title)}</h1>
        {written ? <Markdown source={written} class="dg-portal-text" /> : null}
        {written
          ? null
          : page.sections.map((key) => (
              <section class="fr-mb-4w">
                <h2>{t(`${key}.heading`)}</h2>
                {t(`${key}.text` as MessageKey, vars)
                  .split('\n')
                  .map((paragraph) => (
                    <p>{paragraph}</p>
                  ))}
              </section>
            ))}
      </div>
    </Layout>
  );
}
