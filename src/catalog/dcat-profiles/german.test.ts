import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Dataset } from '../../core/dataset.ts';
import { emptyMetas } from '../../core/dataset.ts';
import { germanLicense } from './german.ts';

const licensed = (license: string | null, url: string | null = null) =>
  ({ metas: { ...emptyMetas('x'), license, license_url: url } }) as unknown as Dataset;

test('licences are recognised by their name or their URL', () => {
  const cases: [string | null, string | null, string | null][] = [
    ['CC BY 4.0', null, 'cc-by/4.0'],
    ['Creative Commons Attribution 4.0 International', null, 'cc-by/4.0'],
    [null, 'https://creativecommons.org/licenses/by/4.0/', 'cc-by/4.0'],
    ['CC BY-SA 4.0', null, 'cc-by-sa/4.0'],
    ['CC0', null, 'cc-zero'],
    [null, 'https://creativecommons.org/publicdomain/zero/1.0/', 'cc-zero'],
    ['ODbL', null, 'odbl'],
    ['Open Database License (ODbL) 1.0', null, 'odbl'],
    ['dl-de-by-2.0', null, 'dl-by-de/2.0'],
    ['Licence Ouverte v2.0 (Etalab)', null, 'other-open'],
    ['Licence propriétaire', null, null],
    [null, null, null],
  ];
  for (const [name, url, code] of cases) {
    const expected = code === null ? null : `http://dcat-ap.de/def/licenses/${code}`;
    assert.equal(germanLicense(licensed(name, url)), expected, `${name} ${url}`);
  }
});
