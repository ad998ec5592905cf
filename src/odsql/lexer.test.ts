import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OdsqlError } from './errors.ts';
import { lex } from './lexer.ts';

const kinds = (text: string) => lex(text, 'where').map((t) => [t.kind, t.value]);

describe('lexer', () => {
  it('reads words, numbers, punctuation and keeps offsets', () => {
    const tokens = lex('population >= 10.5', 'where');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.value, t.start, t.end]),
      [
        ['word', 'population', 0, 10],
        ['punct', '>=', 11, 13],
        ['number', '10.5', 14, 18],
        ['eof', '', 18, 18],
      ],
    );
  });

  it('reads dotted names (a metadata template and its field) as one word', () => {
    assert.deepEqual(kinds('default.modified > 2020'), [
      ['word', 'default.modified'],
      ['punct', '>'],
      ['number', '2020'],
      ['eof', ''],
    ]);
    assert.deepEqual(kinds('a IN [x..y]').slice(2, 6), [
      ['punct', '['],
      ['word', 'x'],
      ['punct', '..'],
      ['word', 'y'],
    ]);
  });

  it('unescapes strings in both quote styles', () => {
    assert.deepEqual(kinds(`'l\\'eau' "a\\"b\\\\c" "\\u00e9\\n"`).slice(0, 3), [
      ['string', "l'eau"],
      ['string', 'a"b\\c'],
      ['string', 'é\n'],
    ]);
  });

  it('reads back-quoted names, date and geom literals', () => {
    assert.deepEqual(kinds("`and` date'2019-03' GEOM'POINT(1 2)' date"), [
      ['quoted', 'and'],
      ['date', '2019-03'],
      ['geom', 'POINT(1 2)'],
      ['word', 'date'],
      ['eof', ''],
    ]);
  });

  it('glues units to numbers but keeps digit-led names as words', () => {
    const tokens = lex('10km 2M 3d_model 12', 'where');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.value, t.unit]),
      [
        ['number', '10', 'km'],
        ['number', '2', 'M'],
        ['word', '3d_model', ''],
        ['number', '12', ''],
        ['eof', '', ''],
      ],
    );
  });

  it('splits ranges and normalises <> to !=', () => {
    assert.deepEqual(kinds('[1..5] a <> b'), [
      ['punct', '['],
      ['number', '1'],
      ['punct', '..'],
      ['number', '5'],
      ['punct', ']'],
      ['word', 'a'],
      ['punct', '!='],
      ['word', 'b'],
      ['eof', ''],
    ]);
  });

  it('reports unterminated strings and stray characters with their position', () => {
    assert.throws(
      () => lex("name = 'abc", 'where'),
      (e: unknown) => e instanceof OdsqlError && e.start === 7 && /position 7/.test(e.message),
    );
    assert.throws(
      () => lex('a ; b', 'select'),
      (e: unknown) => e instanceof OdsqlError && e.clause === 'select' && e.start === 2,
    );
  });
});
