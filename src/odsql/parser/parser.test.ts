import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr } from '../ast.ts';
import { OdsqlError } from '../errors.ts';
import { parseFacetFilter } from './facet-filter.ts';
import { parseGroupBy } from './group-by.ts';
import { parseOrderBy } from './order-by.ts';
import { parseSelect } from './select.ts';
import { parseWhere } from './where.ts';

/** A compact rendering of an expression tree for assertions. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'Identifier':
      return e.name;
    case 'StringLiteral':
      return JSON.stringify(e.value);
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return String(e.value);
    case 'NullLiteral':
      return 'null';
    case 'DateLiteral':
      return `date(${e.text})`;
    case 'UnitLiteral':
      return `${e.value}${e.unit}`;
    case 'Logical':
    case 'Comparison':
    case 'Arithmetic':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'Not':
      return `not ${show(e.operand)}`;
    case 'Call':
      return `${e.name}(${e.distinct ? 'distinct ' : ''}${e.args.map(show).join(', ')})`;
    case 'Star':
      return '*';
    case 'FullText':
      return `fts(${e.text})`;
    case 'Term':
      return `${e.field.name}:${show(e.value)}`;
    case 'InList':
      return `${show(e.operand)} ${e.negated ? 'not ' : ''}in (${e.values.map(show).join(', ')})`;
    case 'InRange':
      return `${show(e.operand)} in ${e.lowInclusive ? '[' : ']'}${show(e.low)}..${show(e.high)}${e.highInclusive ? ']' : '['}`;
    case 'InField':
      return `${show(e.value)} in ${e.field.name}`;
    case 'IsNull':
      return `${show(e.operand)} is ${e.negated ? 'not ' : ''}null`;
    case 'Like':
      return `${show(e.operand)} like ${JSON.stringify(e.pattern.value)}`;
    case 'NamedArgument':
      return `${e.name}=${show(e.value)}`;
    default:
      return e.kind;
  }
}

const where = (text: string) => show(parseWhere(text) as Expr);

describe('where parser', () => {
  it('binds NOT tighter than AND, AND tighter than OR', () => {
    assert.equal(where('a = 1 or not b = 2 and c = 3'), '((a = 1) or (not (b = 2) and (c = 3)))');
    assert.equal(where('(a = 1 OR b = 2) AND c'), '(((a = 1) or (b = 2)) and c)');
  });

  it('parses arithmetic with precedence and signs', () => {
    assert.equal(where('a + b * -2 > 3'), '((a + (b * -2)) > 3)');
  });

  it('parses IN lists, ranges, membership, IS NULL and LIKE', () => {
    assert.equal(where('city in ("Paris", \'Lyon\')'), 'city in ("Paris", "Lyon")');
    assert.equal(where('x in ]1..5['), 'x in ]1..5[');
    assert.equal(where("d IN [date'2017' TO date'2018']"), 'd in [date(2017)..date(2018)]');
    assert.equal(where("'x' in tags"), '"x" in tags');
    assert.equal(where('x is not null'), 'x is not null');
    assert.equal(where('name like "star"'), 'name like "star"');
    assert.equal(where('x not in (1, 2)'), 'x not in (1, 2)');
  });

  it('turns bare strings into full-text search, but not inside calls', () => {
    assert.equal(where('"tree" and not "oak"'), '(fts(tree) and not fts(oak))');
    assert.equal(where("search(name, 'abc')"), 'search(name, "abc")');
    assert.equal(where("search(*, 'abc')"), 'search(*, "abc")');
  });

  it('parses term filters', () => {
    assert.equal(where('`facet1`:value'), 'facet1:"value"');
    assert.equal(where("country:'FR' and n:12"), '(country:"FR" and n:12)');
  });

  it('parses calls with distances and named arguments', () => {
    assert.equal(
      where("within_distance(geo, geom'POINT(1 2)', 10km)"),
      'within_distance(geo, GeomLiteral, 10km)',
    );
    assert.equal(where('d > now(days=-1, hour=0)'), '(d > now(days=-1, hour=0))');
  });

  it('keeps source positions', () => {
    const e = parseWhere('  abc = 1');
    assert.equal(e?.start, 2);
    assert.equal(e?.end, 9);
  });

  it('returns null for an empty clause', () => {
    assert.equal(parseWhere('   '), null);
  });

  it('reports the unexpected token and its position', () => {
    assert.throws(
      () => parseWhere('population = 1)'),
      (e: unknown) =>
        e instanceof OdsqlError &&
        e.clause === 'where' &&
        e.start === 14 &&
        e.detail === 'Unexpected ")" at position 14.',
    );
    assert.throws(() => parseWhere('a ='), /Unexpected end of expression at position 3/);
    assert.throws(() => parseWhere('and = 1'), /Unexpected "and" at position 0/);
  });

  it('bounds nesting depth and operator chains', () => {
    assert.throws(() => parseWhere('('.repeat(500) + 'a' + ')'.repeat(500)), OdsqlError);
    assert.throws(() => parseWhere('not '.repeat(200) + 'a'), /nested too deeply/);
    const chain = (n: number) => Array.from({ length: n }, (_, i) => `a = ${i}`).join(' or ');
    assert.ok(parseWhere(chain(1001)));
    assert.throws(() => parseWhere(chain(1002)), /More than 1000 operators/);
    assert.throws(() => parseWhere('a' + ' + 1'.repeat(1001) + ' > 0'), /More than 1000 operators/);
    const list = `a in (${Array.from({ length: 5000 }, (_, i) => i).join(', ')})`;
    assert.equal(parseWhere(list)?.kind, 'InList');
  });
});

describe('select parser', () => {
  it('parses items, aliases and the expression text', () => {
    const items = parseSelect('name, count(*) as n, sum(x)+1, count(distinct city)');
    assert.deepEqual(
      items.map((i) => (i.kind === 'SelectItem' ? [i.text, i.alias?.name ?? null] : i.kind)),
      [
        ['name', null],
        ['count(*)', 'n'],
        ['sum(x)+1', null],
        ['count(distinct city)', null],
      ],
    );
  });

  it('parses * and include/exclude patterns', () => {
    const items = parseSelect('*, exclude(geo_*), include(`name`)');
    assert.deepEqual(
      items.map((i) => (i.kind === 'SelectPattern' ? `${i.mode}:${i.pattern}` : i.kind)),
      ['SelectAll', 'exclude:geo_*', 'include:name'],
    );
  });

  it('keeps bare strings as values', () => {
    const [item] = parseSelect('"abc" as label');
    assert.equal(item?.kind === 'SelectItem' && item.expr.kind, 'StringLiteral');
  });

  it('defaults to *', () => {
    assert.deepEqual(
      parseSelect('').map((i) => i.kind),
      ['SelectAll'],
    );
  });
});

describe('group_by and order_by parsers', () => {
  it('parses group items with aliases and range steps', () => {
    const items = parseGroupBy('year(d) as y, range(p, *, 10, 50, *), range(d, 1 day)');
    assert.deepEqual(
      items.map((i) => [show(i.expr), i.alias?.name ?? null]),
      [
        ['year(d)', 'y'],
        ['range(p, *, 10, 50, *)', null],
        ['range(d, 1day)', null],
      ],
    );
  });

  it('parses directions in both styles', () => {
    const items = parseOrderBy('-population, name desc, +x, count(*) ASC, y');
    assert.deepEqual(
      items.map((i) => [show(i.expr), i.descending]),
      [
        ['population', true],
        ['name', true],
        ['x', false],
        ['count(*)', false],
        ['y', false],
      ],
    );
  });
});

describe('refine/exclude values', () => {
  it('splits on the first colon outside quotes', () => {
    const f = parseFacetFilter('`my:facet`:"Saint-Denis: centre"', 'refine');
    assert.equal(f.facet, 'my:facet');
    assert.equal(f.value, 'Saint-Denis: centre');
    const g = parseFacetFilter('date:2019/03/22', 'exclude');
    assert.deepEqual([g.facet, g.value], ['date', '2019/03/22']);
  });

  it('fails without a colon', () => {
    assert.throws(() => parseFacetFilter('city', 'refine'), /Expected "facet:value"/);
  });
});
