// The consent banner, panel and placeholders, enhanced: choices are posted in place (the page
// does not reload), allowed services come in at once, the panel opens as a dialog and hands the
// focus back, and closing it before any answer counts as a refusal. Without this script the
// same forms post and come back, and the links lead to the panel's own page.

import type { ClientService } from '../layout/third-party-scripts.tsx';
import { CONSENT_EVENT } from './consent-event.ts';

interface SavedChoices {
  services: Record<string, boolean>;
  statisticsOptOut: boolean;
  cleared: string[];
  message: string;
}

interface Dsfr {
  (element: Element): { modal: { disclose(): void; conceal(): void } };
}

const MODAL_ID = 'fr-consent-modal';

const services: ClientService[] = JSON.parse(
  document.getElementById('consent-services')?.textContent ?? '[]',
) as ClientService[];
const active = new Set<string>(
  [...document.querySelectorAll<HTMLElement>('[data-consent-loaded]')].map(
    (element) => element.dataset['consentLoaded']!,
  ),
);
let opener: HTMLElement | null = null;
let answered = false;

function dsfr(): Dsfr | undefined {
  return (window as unknown as { dsfr?: Dsfr }).dsfr;
}

function announce(message: string): void {
  const status = document.getElementById('consent-status');
  if (status) status.textContent = message;
}

function loadScript(service: ClientService): void {
  const script = document.createElement('script');
  script.src = service.url;
  script.async = true;
  script.dataset['consentLoaded'] = service.id;
  document.body.append(script);
}

function embed(service: ClientService, placeholder: HTMLElement): void {
  const frame = document.createElement('iframe');
  frame.src = service.url;
  frame.title = service.name;
  frame.className = 'dg-consent-embed';
  frame.setAttribute('loading', 'lazy');
  frame.dataset['consentLoaded'] = service.id;
  placeholder.replaceWith(frame);
}

function apply(saved: SavedChoices): void {
  let reload = false;
  for (const service of services) {
    const allowed = saved.services[service.id] === true;
    if (allowed && !active.has(service.id)) {
      active.add(service.id);
      if (service.kind === 'script') loadScript(service);
      const placeholders = document.querySelectorAll<HTMLElement>(
        `[data-consent-service="${service.id}"]`,
      );
      if (service.kind === 'iframe') placeholders.forEach((p) => embed(service, p));
      // Tiles come in through the map's own script (CONSENT_EVENT below).
      if (service.kind === 'tiles') placeholders.forEach((p) => p.remove());
    } else if (!allowed && active.has(service.id)) {
      // The server expired the service's cookies with its answer. A script once run cannot be
      // taken back (it could write them again): the page starts again without it.
      if (service.kind !== 'tiles') reload = true;
      active.delete(service.id);
    }
  }
  syncPanel(saved);
  document.dispatchEvent(new CustomEvent(CONSENT_EVENT, { detail: saved }));
  if (reload) location.reload();
}

/** The panel's radios show the choices just saved. */
function syncPanel(saved: SavedChoices): void {
  for (const [id, allowed] of Object.entries(saved.services)) {
    const value = allowed ? 'accept' : 'refuse';
    document
      .querySelectorAll<HTMLInputElement>(`input[name="service:${id}"]`)
      .forEach((radio) => (radio.checked = radio.value === value));
  }
  document
    .querySelectorAll<HTMLInputElement>('input[name="statistics-opt-out"]')
    .forEach((box) => (box.checked = saved.statisticsOptOut));
}

/** The banner goes; a keyboard user inside it lands at the start of the page's content. */
function removeBanner(): void {
  const banner = document.getElementById('consent-banner');
  if (!banner) return;
  const hadFocus = banner.contains(document.activeElement);
  banner.remove();
  if (hadFocus) document.getElementById('content')?.focus();
}

function closeModal(): void {
  const modal = document.getElementById(MODAL_ID);
  if (modal?.hasAttribute('open')) dsfr()?.(modal).modal.conceal();
}

async function post(form: HTMLFormElement, choice: string): Promise<void> {
  const body = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && name !== 'choice') body.append(name, value);
  }
  body.set('choice', choice);
  const response = await fetch(form.action, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`${response.status}`);
  answered = true;
  const saved = (await response.json()) as SavedChoices;
  removeBanner();
  closeModal();
  announce(saved.message);
  apply(saved);
}

function onSubmit(event: SubmitEvent): void {
  const form = event.target as HTMLFormElement;
  if (!form.matches('[data-consent-form]')) return;
  const submitter = event.submitter as HTMLButtonElement | null;
  if (!submitter?.value) return;
  event.preventDefault();
  post(form, submitter.value).catch(() => {
    // Whatever went wrong, the plain form still works: send it the ordinary way.
    form.removeEventListener('submit', onSubmit as EventListener);
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = 'choice';
    field.value = submitter.value;
    form.append(field);
    form.submit();
  });
}

function openPanel(event: MouseEvent): void {
  const link = (event.target as Element).closest<HTMLElement>('[data-consent-open]');
  const modal = document.getElementById(MODAL_ID);
  const api = dsfr();
  if (!link || !modal || !api) return;
  event.preventDefault();
  opener = link;
  api(modal).modal.disclose();
}

function onModalClosed(): void {
  const banner = document.getElementById('consent-banner');
  // Closing the panel without answering refuses, as the banner's "Tout refuser" would.
  const refuseForm = banner?.querySelector<HTMLFormElement>('form[data-consent-form]');
  if (refuseForm && !answered) void post(refuseForm, 'refuse-all').catch(() => undefined);
  const from = opener;
  opener = null;
  // After the DSFR's own focus return, which cannot reach an opener gone with the banner.
  setTimeout(() => {
    const target = from && document.contains(from) ? from : document.getElementById('content');
    target?.focus();
  }, 0);
}

document.addEventListener('submit', onSubmit as EventListener);
document.addEventListener('click', openPanel);
document.getElementById(MODAL_ID)?.addEventListener('dsfr.conceal', onModalClosed);
