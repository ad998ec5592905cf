// The frame of a back office page: the site's layout, the back office menu, the title, and the
// notice a form left (a success after a redirect, or the errors of a refused form).

import type { ComponentChildren } from 'preact';

import { Layout } from '../web/layout/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { BackOfficeMenu } from './backoffice-menu.tsx';

export interface Notice {
  kind: 'success' | 'error';
  text: string;
}

export function NoticeBox({ notice }: { notice: Notice }) {
  const error = notice.kind === 'error';
  return (
    <div
      class={`fr-alert fr-alert--${notice.kind} fr-alert--sm fr-mb-3w`}
      role={error ? 'alert' : 'status'}
      id="bo-notice"
    >
      <p>{notice.text}</p>
    </div>
  );
}

export function BackOfficeFrame(props: {
  ctx: PageContext;
  title: string;
  /** The menu entry the page belongs to. */
  section: string;
  notice?: Notice | null;
  crumbs?: { label: string; href?: string }[];
  children: ComponentChildren;
}) {
  const { ctx, title } = props;
  return (
    <Layout ctx={ctx} title={title} crumbs={props.crumbs ?? [{ label: title }]}>
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={props.section} />
        <h1>{title}</h1>
        {props.notice ? <NoticeBox notice={props.notice} /> : null}
        {props.children}
      </div>
    </Layout>
  );
}
