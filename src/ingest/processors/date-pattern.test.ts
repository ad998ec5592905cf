import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';

import { compileDatePattern } from './date-pattern.ts';

function read(format: string, text: string) {
  const parts = compileDatePattern(format).read(text);
  if (!parts) return undefined;
  const { year, month, day, hour, minute, second, millisecond, offsetMinutes } = parts;
  return [year, month, day, hour, minute, second, millisecond, offsetMinutes];
}

test('strftime directives', () => {
  assert.deepEqual(read('%d/%m/%Y', '22/03/2019'), [2019, 3, 22, 0, 0, 0, 0, null]);
  assert.deepEqual(read('%d/%m/%Y', ' 2/3/2019 '), [2019, 3, 2, 0, 0, 0, 0, null]);
  assert.deepEqual(
    read('%Y-%m-%dT%H:%M:%S.%f%z', '2019-03-22T10:30:05.25+01:00'),
    [2019, 3, 22, 10, 30, 5, 250, 60],
  );
  assert.deepEqual(read('%F %T', '2019-03-22 10:30:05'), [2019, 3, 22, 10, 30, 5, 0, null]);
  assert.deepEqual(read('%d/%m/%y', '22/03/19'), [2019, 3, 22, 0, 0, 0, 0, null]);
  assert.deepEqual(read('%d/%m/%y', '22/03/85'), [1985, 3, 22, 0, 0, 0, 0, null]);
  assert.deepEqual(read('%I:%M %p %d/%m/%Y', '12:15 AM 01/01/2020'), [
    2020,
    1,
    1,
    0,
    15,
    0,
    0,
    null,
  ]);
  assert.deepEqual(read('%I:%M %p %d/%m/%Y', '1:15 pm 01/01/2020'), [
    2020,
    1,
    1,
    13,
    15,
    0,
    0,
    null,
  ]);
  assert.deepEqual(read('%Y%%', '2019%'), [2019, 1, 1, 0, 0, 0, 0, null]);
});

test('month names in French or English, with or without accents and dot', () => {
  assert.deepEqual(read('%d %B %Y', '22 mars 2019')?.slice(0, 3), [2019, 3, 22]);
  assert.deepEqual(read('%d %B %Y', '1 Février 2020')?.slice(0, 3), [2020, 2, 1]);
  assert.deepEqual(read('%d %b %Y', '1 fevr. 2020')?.slice(0, 3), [2020, 2, 1]);
  assert.deepEqual(read('%d %b %Y', '5 juil. 2020')?.slice(0, 3), [2020, 7, 5]);
  assert.deepEqual(read('%A %d %B %Y', 'Friday 22 March 2019')?.slice(0, 3), [2019, 3, 22]);
  assert.deepEqual(read('dd MMM yyyy', '22 Aug 2019')?.slice(0, 3), [2019, 8, 22]);
  assert.equal(read('%d %B %Y', '22 brumaire 2019'), undefined);
});

test('ODS letters, with quoted literals', () => {
  assert.deepEqual(read('dd/MM/yyyy HH:mm', '22/03/2019 10:30'), [2019, 3, 22, 10, 30, 0, 0, null]);
  assert.deepEqual(
    read("yyyy-MM-dd'T'HH:mm:ssXXX", '2019-03-22T10:30:00Z'),
    [2019, 3, 22, 10, 30, 0, 0, 0],
  );
  assert.deepEqual(read('yyyyMMdd', '20190322')?.slice(0, 3), [2019, 3, 22]);
});

test('values that do not match, or name no real date, are refused', () => {
  assert.equal(read('%d/%m/%Y', '2019-03-22'), undefined);
  assert.equal(read('%d/%m/%Y', '31/04/2019'), undefined);
  assert.equal(read('%d/%m/%Y', '29/02/2019'), undefined);
  assert.deepEqual(read('%d/%m/%Y', '29/02/2020')?.slice(0, 3), [2020, 2, 29]);
  assert.equal(read('%H:%M %d/%m/%Y', '24:00 01/01/2020'), undefined);
  assert.equal(read('%d/%m/%Y', '22/03/2019 junk'), undefined);
});

test('formats without a year or with unknown directives are refused', () => {
  assert.throws(() => compileDatePattern('%d/%m'), /no year/);
  assert.throws(() => compileDatePattern('%Y %Q'), /unknown directive %Q/);
  assert.throws(() => compileDatePattern('yyyy QQ'), /unknown pattern letters "QQ"/);
});

test('any real date written with a format reads back (property)', () => {
  const date = fc.date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  });
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  fc.assert(
    fc.property(date, (d) => {
      const text = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}h${pad(d.getUTCMinutes())}`;
      assert.deepEqual(read('%d/%m/%Y %Hh%M', text), [
        d.getUTCFullYear(),
        d.getUTCMonth() + 1,
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
        0,
        0,
        null,
      ]);
    }),
  );
});
