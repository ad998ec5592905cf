import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Field } from '../../core/field.ts';
import { makeField as field } from '../../core/field.ts';
import { OdsqlError } from '../errors.ts';
import { compileRecordsQuery } from '../index.ts';
import { translateV1Query } from './translate.ts';

const FIELDS: Field[] = [
  field('nom', 'text'),
  field('code_postal', 'text'),
  field('population', 'int'),
  field('note', 'double'),
  field('date_inspection', 'datetime'),
  field('jour', 'date'),
  field('geores', 'geo_point_2d'),
  field('activites', 'text', { multivalued: [','] }),
];

const translate = (q: string) => translateV1Query(q, FIELDS);

describe('the v1 query language', () => {
  it('turns words and phrases into full-text searches, ANDed', () => {
    assert.equal(translate('pizza'), '"pizza"');
    assert.equal(translate('pizza Paris'), '("pizza" AND "Paris")');
    assert.equal(translate('"Très satisfaisant"'), '"Très satisfaisant"');
    assert.equal(translate('pizz*'), 'suggest("pizz")');
    // A lone `!` is a word of its own (the lexer once looped on it forever).
    assert.equal(translate('Hello! a ! b'), '("Hello" AND "!" AND "a" AND "!" AND "b")');
    assert.equal(translate(''), '');
    assert.equal(translate('   '), '');
  });

  it('honours NOT > AND > OR and parentheses', () => {
    assert.equal(translate('a OR b AND c'), '("a" OR ("b" AND "c"))');
    assert.equal(translate('NOT a b'), '((NOT "a") AND "b")');
    assert.equal(translate('(a OR b) c'), '(("a" OR "b") AND "c")');
    assert.equal(translate('a AND NOT (b OR c)'), '("a" AND (NOT ("b" OR "c")))');
  });

  it('types field values by the field: text stays text, dates become date literals', () => {
    assert.equal(translate('code_postal:75009'), '`code_postal`:"75009"');
    assert.equal(translate('nom=="Chez Paul"'), '`nom` = "Chez Paul"');
    assert.equal(translate('population>=2002'), '`population` >= 2002');
    assert.equal(translate('date_inspection>=2013/02/11'), "`date_inspection` >= date'2013-02-11'");
    assert.equal(translate('jour<2019/3'), "`jour` < date'2019-03'");
    assert.equal(translate('population:[1950 TO 2000]'), '`population` IN [1950..2000]');
    assert.equal(translate('date_inspection>=#now(days=-7)'), '`date_inspection` >= now(days=-7)');
  });

  it('reads field:(a OR b) groups and field:-value exclusions', () => {
    assert.equal(translate('nom:(a OR b)'), '(`nom`:"a" OR `nom`:"b")');
    assert.equal(translate('nom:(a b)'), '(`nom`:"a" AND `nom`:"b")');
    assert.equal(translate('nom:(a AND NOT b)'), '(`nom`:"a" AND (NOT `nom`:"b"))');
    assert.equal(
      translate('nom:(a OR (b AND "c d"))'),
      '(`nom`:"a" OR (`nom`:"b" AND `nom`:"c d"))',
    );
    assert.equal(translate('nom:(a OR b) pizza'), '((`nom`:"a" OR `nom`:"b") AND "pizza")');
    assert.equal(translate('nom:-pizza'), '(NOT `nom`:"pizza")');
    assert.equal(translate('nom:(-a)'), '(NOT `nom`:"a")');
    assert.equal(translate('nom:-(a OR b)'), '(NOT (`nom`:"a" OR `nom`:"b"))');
    // `-` excludes whatever the type; a negative number is quoted.
    assert.equal(translate('population:-5'), '(NOT `population`:5)');
    assert.equal(translate('population:"-5"'), '`population`:-5');
    assert.equal(translate('population>-5'), '`population` > -5');
    assert.equal(
      translate('population:([1 TO 5] OR 10)'),
      '(`population` IN [1..5] OR `population`:10)',
    );
    assert.equal(
      translate('jour:(2019 OR 2020/03)'),
      "(`jour`:date'2019' OR `jour`:date'2020-03')",
    );
    assert.equal(
      translate('activites:(bar OR -deli)'),
      '(`activites`:"bar" OR (NOT `activites`:"deli"))',
    );
  });

  it('maps the #functions', () => {
    assert.equal(translate('#null(note)'), '`note` IS NULL');
    assert.equal(translate('#exact(nom, "Le Zinc")'), '`nom` = "Le Zinc"');
    assert.equal(translate('#startswith(nom, "Mar")'), 'startswith(`nom`, "Mar")');
    assert.equal(
      translate('#search(nom, code_postal, "bou")'),
      'search(`nom`, `code_postal`, "bou")',
    );
    assert.equal(
      translate('#distance(geores, "48.85, 2.35", 500)'),
      "within_distance(`geores`, geom'POINT(2.35 48.85)', 500m)",
    );
    assert.equal(
      translate('#polygon(geores, "(48,2),(49,2),(49,3)")'),
      "within(`geores`, geom'POLYGON((2 48, 2 49, 3 49, 2 48))')",
    );
  });

  it('compiles every translation with the ODSQL compiler', () => {
    for (const q of [
      'pizza Paris',
      'code_postal:75009 OR NOT population>10',
      'date_inspection>=2019/01 AND activites:Restaurant',
      '#distance(geores, "48.85, 2.35", 500) #null(note)',
      'population:[1 TO 5]',
      'date_inspection<#now(years=-1)',
      'nom:(a OR -b) population:(1 OR [5 TO 9])',
      'activites:-(bar AND NOT deli)',
    ]) {
      const where = translate(q);
      assert.doesNotThrow(
        () => compileRecordsQuery({ where: [where] }, { table: 't', fields: FIELDS }, 'sqlite'),
        `${q} → ${where}`,
      );
    }
  });

  it('keeps quotes and backslashes of values out of the query text', () => {
    const where = translate('nom:"a\\" OR 1=1 --"');
    assert.equal(where, '`nom`:"a\\" OR 1=1 --"');
    const compiled = compileRecordsQuery(
      { where: [where] },
      { table: 't', fields: FIELDS },
      'sqlite',
    );
    assert.ok(compiled.params.includes('a" OR 1=1 --'));
  });

  it('reports syntax errors of the q clause with their position', () => {
    for (const [q, position] of [
      ['(pizza', 6],
      ['nom:', 4],
      ['"open', 0],
      ['#nope(a)', 0],
      ['population:[1 TO', 16],
      [')', 0],
      ['nom:(a OR', 9],
      ['nom:()', 5],
      ['nom:-', 5],
      ['nom==(a)', 5],
      ['population>[1 TO 2]', 11],
      ['(a'.repeat(101), 200],
      [`nom:${'-('.repeat(51)}`, 104],
    ] as const) {
      assert.throws(
        () => translate(q),
        (error: unknown) =>
          error instanceof OdsqlError &&
          error.clause === 'q' &&
          error.start === position &&
          /Clause\(s\) containing the error\(s\): q\.$/.test(error.message),
        q,
      );
    }
  });
});
