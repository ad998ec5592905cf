// `datagora service add|list|remove`: the third-party services the portal may load once a
// visitor consents (an audience tag, an embed, a tile basemap), with what they declare.

import { parseArgs } from 'node:util';

import { openStorage } from '../../app.ts';
import { ConsentService } from '../../consent/index.ts';
import type { DeclaredCookie, ThirdPartyService } from '../../core/third-party.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../usage.ts';

async function withConsent<T>(
  context: CliContext,
  work: (consent: ConsentService) => Promise<T>,
): Promise<T> {
  const engine = await openStorage(context.config());
  try {
    return await work(new ConsentService(engine.consent));
  } finally {
    await engine.close();
  }
}

/** `NAME:SECONDS`, or `NAME:session` for a cookie that ends with the browsing session. */
function declaredCookie(text: string): DeclaredCookie {
  const match = /^([^:]+):(\d+|session)$/.exec(text);
  if (!match) throw new UsageError(`--cookie "${text}": write NAME:SECONDS or NAME:session`);
  return { name: match[1]!, maxAgeSeconds: match[2] === 'session' ? 0 : Number(match[2]) };
}

function required(value: string | undefined, option: string): string {
  if (value === undefined) throw new UsageError(`service add needs --${option}`);
  return value;
}

async function add(args: string[], context: CliContext): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      url: { type: 'string' },
      name: { type: 'string' },
      provider: { type: 'string' },
      category: { type: 'string', default: 'third-party' },
      'purpose-fr': { type: 'string' },
      'purpose-en': { type: 'string' },
      cookie: { type: 'string', multiple: true, default: [] },
      attribution: { type: 'string', default: '' },
      'privacy-url': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('service add takes exactly one ID');
  const service = {
    id: positionals[0]!,
    kind: required(values.kind, 'kind'),
    url: required(values.url, 'url'),
    name: required(values.name, 'name'),
    provider: required(values.provider, 'provider'),
    category: values.category,
    purpose: {
      fr: required(values['purpose-fr'], 'purpose-fr'),
      en: required(values['purpose-en'], 'purpose-en'),
    },
    cookies: values.cookie.map(declaredCookie),
    attribution: values.attribution,
    privacyUrl: values['privacy-url'] ?? null,
  } as ThirdPartyService;
  const saved = await withConsent(context, (consent) => consent.saveService(service));
  context.stdout.write(
    `Saved ${saved.id} (${saved.kind}, ${saved.category}). Visitors will be asked again.\n`,
  );
  return 0;
}

export async function serviceCommand(args: string[], context: CliContext): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'add') return add(rest, context);
  if (action === 'list' && rest.length === 0) {
    const services = await withConsent(context, (consent) => consent.listServices());
    for (const s of services) {
      const cookies = s.cookies.map((c) => c.name).join(',') || '-';
      context.stdout.write(`${s.id}\t${s.kind}\t${s.category}\t${s.url}\tcookies: ${cookies}\n`);
    }
    return 0;
  }
  if (action === 'remove' && rest.length === 1) {
    await withConsent(context, (consent) => consent.removeService(rest[0]!));
    context.stdout.write(`Removed ${rest[0]}.\n`);
    return 0;
  }
  throw new UsageError('service needs: add ID --kind K --url URL ..., list, or remove ID');
}
