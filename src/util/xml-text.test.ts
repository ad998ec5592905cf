import assert from 'node:assert/strict';
import { test } from 'node:test';

import { xmlName, xmlText } from './xml-text.ts';

test('markup is escaped and forbidden characters dropped', () => {
  assert.equal(xmlText('a < b & "c" > d'), 'a &lt; b &amp; &quot;c&quot; &gt; d');
  assert.equal(
    xmlText('bell\u0007 tab\t nl\n \ud83d\ude00 \ud800x'),
    'bell tab\t nl\n \ud83d\ude00 x',
  );
});

test('element names start with a letter or _ and hold no markup', () => {
  assert.equal(xmlName('count(*)'), 'count___');
  assert.equal(xmlName('2024_total'), '_2024_total');
  assert.equal(xmlName('nom'), 'nom');
});
