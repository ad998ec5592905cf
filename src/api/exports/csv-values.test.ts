import assert from 'node:assert/strict';
import { test } from 'node:test';

import { joinList } from './csv-values.ts';
import { quoter } from './csv.ts';

/** What the list cell was before the fast path: parse, then join (independent of joinList). */
function parsedJoin(raw: string, separator: string): string {
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    list = raw;
  }
  return Array.isArray(list) ? list.join(separator) : String(list);
}

test('stored lists join as their parsed values would, whatever their shape', () => {
  const lists = [
    '[]',
    '[""]',
    '["a"]',
    '["a","b"]',
    '["Boucherie-Charcuterie","Glacier"]',
    '["a\\"b","c"]',
    '["a\\\\","b"]',
    '["x\\u00e9","y"]',
    '["a", "b"]',
    '["a",1,"b"]',
    '[1,2]',
    '["a",null]',
    '["a","b","",""]',
    '["]',
    '["a","b"',
    'not json',
    '"text"',
    '["tab\there"]',
    '["é","ü","日本"]',
  ];
  for (const raw of lists) {
    for (const separator of [',', '|', ';']) {
      assert.equal(joinList(raw, separator), parsedJoin(raw, separator), raw);
    }
  }
  assert.equal(joinList(['a', 'b'], '|'), 'a|b');
});

test('cells are quoted when they hold the delimiter, a quote or a line break', () => {
  for (const delimiter of [';', ',', '\t', '|']) {
    const quote = quoter(delimiter, false);
    assert.equal(quote('plain text'.replace(delimiter, '')), 'plain text'.replace(delimiter, ''));
    assert.equal(quote(`a${delimiter}b`), `"a${delimiter}b"`);
    assert.equal(quote('say "hi"'), '"say ""hi"""');
    assert.equal(quote('two\nlines'), '"two\nlines"');
    assert.equal(quote('cr\r'), '"cr\r"');
  }
  assert.equal(quoter(';', false)('a,b|c\td'), 'a,b|c\td');
  assert.equal(quoter(';', true)('plain'), '"plain"');
});
