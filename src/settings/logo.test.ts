import assert from 'node:assert/strict';
import { test } from 'node:test';

import { LOGO_MAX_BYTES, checkLogo } from './logo.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const svg = (inner: string) =>
  Buffer.from(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`);

test('a logo is recognised by its bytes and named after its hash', () => {
  const png = checkLogo(PNG);
  assert.ok(png.ok);
  assert.match(png.name, /^logo-[0-9a-f]{16}\.png$/);
  assert.equal(png.contentType, 'image/png');
  const jpeg = checkLogo(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  assert.ok(jpeg.ok && jpeg.contentType === 'image/jpeg');
  const vector = checkLogo(svg('<rect width="10" height="10" fill="#000091"/>'));
  assert.ok(vector.ok && vector.contentType === 'image/svg+xml');
  assert.deepEqual(checkLogo(Buffer.from('GIF89a')), { ok: false, problem: 'type' });
  assert.deepEqual(checkLogo(Buffer.from('<html><svg></svg></html>')), {
    ok: false,
    problem: 'type',
  });
  assert.deepEqual(checkLogo(Buffer.alloc(0)), { ok: false, problem: 'empty' });
  const big = Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES)]);
  assert.deepEqual(checkLogo(big), { ok: false, problem: 'tooLarge' });
});

test('an SVG that could run anything is refused', () => {
  for (const inner of [
    '<script>alert(1)</script>',
    '<rect onload="alert(1)"/>',
    '<a href="javascript:alert(1)"><text>x</text></a>',
    '<foreignObject><iframe src="x"/></foreignObject>',
    '<image href="data:text/html,<b>x</b>"/>',
  ]) {
    assert.deepEqual(checkLogo(svg(inner)), { ok: false, problem: 'unsafeSvg' }, inner);
  }
  const entity = Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg></svg>');
  assert.equal(checkLogo(entity).ok, false);
});
