// The logo an administrator uploads: PNG, JPEG or SVG, recognised by its bytes (never by the
// name or type the browser sent), at most LOGO_MAX_BYTES. An SVG that could run anything (a
// script, an event handler, a javascript: link, embedded HTML, entity declarations) is refused;
// the one kept is also served under a Content-Security-Policy that forbids scripts.

import { createHash } from 'node:crypto';

export const LOGO_MAX_BYTES = 512 * 1024;

export type LogoProblem = 'empty' | 'tooLarge' | 'type' | 'unsafeSvg';

const TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  svg: 'image/svg+xml',
} as const;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const ACTIVE_SVG = [
  /<script/i,
  /<foreignobject/i,
  /<!entity/i,
  /<iframe|<embed|<object/i,
  /\son[a-z]+\s*=/i,
  /javascript\s*:/i,
  /data\s*:\s*text\/html/i,
  /<set\b|<animate\b[^>]*\bhref/i,
];

function extensionOf(body: Buffer): keyof typeof TYPES | null {
  if (body.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) return 'jpg';
  const head = body
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i.test(head)) {
    return 'svg';
  }
  return null;
}

export type CheckedLogo =
  { ok: true; name: string; contentType: string } | { ok: false; problem: LogoProblem };

/** The logo's asset name (`logo-<hash>.<ext>`, so a new logo gets a new URL) and type. */
export function checkLogo(body: Buffer): CheckedLogo {
  if (body.length === 0) return { ok: false, problem: 'empty' };
  if (body.length > LOGO_MAX_BYTES) return { ok: false, problem: 'tooLarge' };
  const extension = extensionOf(body);
  if (!extension) return { ok: false, problem: 'type' };
  if (extension === 'svg') {
    const text = body.toString('utf8');
    if (ACTIVE_SVG.some((pattern) => pattern.test(text)))
      return { ok: false, problem: 'unsafeSvg' };
  }
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { ok: true, name: `logo-${hash}.${extension}`, contentType: TYPES[extension] };
}

/** Asset names this portal writes: nothing else is looked up. */
export const ASSET_NAME = /^logo-[0-9a-f]{16}\.(png|jpg|svg)$/;

/** Served with every asset: no script, no plugin, no frame, even opened on its own. */
export const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
