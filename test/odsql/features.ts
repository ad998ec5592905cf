// The ODSQL feature suite: each case compiles a query and checks the rows a real engine returns
// for the fixture records (fixture.ts). sqlite.test.ts and postgres.test.ts run it.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { RecordsQueryInput } from '../../src/odsql/index.ts';

export interface Engine {
  /** Rows as arrays; JSON outputs (geo_shape, json_blob) parsed. */
  rows(input: RecordsQueryInput): Promise<unknown[][]>;
  count(input: RecordsQueryInput): Promise<number>;
  lookup(id: string, input: Pick<RecordsQueryInput, 'select'>): Promise<unknown[][]>;
  /** envelope() computes a real convex hull (else a bounding box). */
  convexHull: boolean;
}

export function odsqlFeatures(engine: Engine): void {
  /** The `name` column of the matching rows, in order. */
  const names = async (input: Omit<RecordsQueryInput, 'select'>): Promise<unknown[]> =>
    (await engine.rows({ ...input, select: 'name' })).map((r) => r[0]);

  it('filters with comparisons, ranges, null and boolean tests', async () => {
    assert.deepEqual(await names({ where: ['population >= 50'] }), [
      'Star Trek',
      'Boulangerie Éclair',
    ]);
    assert.deepEqual(await names({ where: ['population != 100'] }), ['Boulangerie Éclair', 'Café']);
    assert.deepEqual(await names({ where: ['not population = 100'] }), [
      'Boulangerie Éclair',
      'Star Wars',
      'Café',
    ]);
    assert.deepEqual(await names({ where: ['population in ]10..100['] }), ['Boulangerie Éclair']);
    assert.deepEqual(await names({ where: ['population is null'] }), ['Star Wars']);
    assert.deepEqual(await names({ where: ['open'] }), ['Star Trek', 'Star Wars']);
    assert.deepEqual(await names({ where: ['open = false'] }), ['Boulangerie Éclair']);
    assert.deepEqual(await names({ where: ['population = null'] }), []);
  });

  it('matches multivalued fields by membership', async () => {
    assert.deepEqual(await names({ where: ["tags = 'Restaurant'"] }), ['Star Trek', 'Star Wars']);
    assert.deepEqual(await names({ where: ["'Traiteur' IN tags"] }), ['Star Trek']);
    assert.deepEqual(await names({ refine: ['tags:Restaurant', 'tags:Traiteur'] }), ['Star Trek']);
    assert.deepEqual(await names({ exclude: ['tags:"Restaurant"'] }), [
      'Boulangerie Éclair',
      'Café',
    ]);
  });

  it('searches full text, without diacritics, and never lets user text reach FTS5 syntax', async () => {
    assert.deepEqual(await names({ where: ['"star"'] }), ['Star Trek', 'Star Wars']);
    assert.deepEqual(await names({ where: ['"eclair"'] }), ['Boulangerie Éclair']);
    assert.deepEqual(await names({ where: ['"star" and not "wars"'] }), ['Star Trek']);
    assert.deepEqual(await names({ where: ['name like "trek"'] }), ['Star Trek']);
    assert.deepEqual(await names({ where: ["search(name, 'star tr')"] }), ['Star Trek']);
    assert.deepEqual(await names({ where: ["search(name, 'boulangeri ecl')"] }), [
      'Boulangerie Éclair',
    ]);
    assert.deepEqual(await names({ where: ["suggest('boul')"] }), ['Boulangerie Éclair']);
    assert.deepEqual(await names({ where: ["startswith(name, 'Star')"] }), [
      'Star Trek',
      'Star Wars',
    ]);
    assert.deepEqual(await names({ where: ["startswith(name, 'star')"] }), []);
    assert.deepEqual(await names({ where: ['"NEAR(star" OR "col:*" AND \'"\''] }), []);
  });

  it('reads dates and refine paths in the time zone', async () => {
    assert.deepEqual(await names({ where: ["at >= date'2020'"] }), ['Star Wars']);
    assert.deepEqual(await names({ where: ["at >= date'2020'"], timezone: 'Europe/Paris' }), [
      'Boulangerie Éclair',
      'Star Wars',
    ]);
    assert.deepEqual(await names({ refine: ['at:2019'] }), ['Star Trek', 'Boulangerie Éclair']);
    assert.deepEqual(await names({ refine: ['at:2019'], timezone: 'Europe/Paris' }), ['Star Trek']);
    assert.deepEqual(await names({ refine: ['day:2019/03/22'] }), ['Star Trek']);
    assert.deepEqual(await names({ where: ["day in [date'2019'..date'2020'["] }), [
      'Star Trek',
      'Boulangerie Éclair',
    ]);
    assert.deepEqual(await names({ where: ["day:date'2020'"] }), ['Star Wars']);
    assert.equal((await names({ where: ['at < now(years=10)'] })).length, 3);
  });

  it('refines hierarchical text by path', async () => {
    assert.deepEqual(await names({ refine: ['city:France'] }), [
      'Star Trek',
      'Boulangerie Éclair',
      'Star Wars',
    ]);
    assert.deepEqual(await names({ refine: ['city:France/Lyon'] }), ['Boulangerie Éclair']);
  });

  it('groups with a null group and date parts in the time zone', async () => {
    assert.deepEqual(
      await engine.rows({
        select: 'year(at) as y, count(*) as n',
        groupBy: 'year(at) as y',
        orderBy: 'y',
      }),
      [
        [2019, 2],
        [2020, 1],
        [null, 1],
      ],
    );
    assert.deepEqual(
      await engine.rows({
        select: 'y, count(*) as n',
        groupBy: 'year(at) as y',
        orderBy: 'n desc, y',
        timezone: 'Europe/Paris',
      }),
      [
        [2020, 2],
        [2019, 1],
        [null, 1],
      ],
    );
  });

  it('aggregates', async () => {
    assert.deepEqual(
      await engine.rows({
        select:
          'count(*), count(population), count(distinct city), sum(population), avg(score), min(day), max(at), median(score), percentile(score, 50)',
      }),
      [[4, 3, 2, 160, 2.5, '2019-03-22', Date.parse('2020-01-01T00:30:00Z'), 2.5, 2.5]],
    );
  });

  it('orders with nulls last in both directions', async () => {
    assert.deepEqual(await names({ orderBy: 'population' }), [
      'Café',
      'Boulangerie Éclair',
      'Star Trek',
      'Star Wars',
    ]);
    assert.deepEqual(await names({ orderBy: '-population' }), [
      'Star Trek',
      'Boulangerie Éclair',
      'Café',
      'Star Wars',
    ]);
    assert.deepEqual(await names({ orderBy: 'name desc', limit: 2, offset: 1 }), [
      'Star Trek',
      'Café',
    ]);
  });

  it('computes scalar functions', async () => {
    assert.deepEqual(
      await engine.rows({
        select:
          'lower(name), length(name), population / 4, ifnull(population, 0), date_format(at, "yyyy-MM-dd HH:mm")',
        where: ["name = 'Boulangerie Éclair'"],
        timezone: 'Europe/Paris',
      }),
      [['boulangerie éclair', 18, 12.5, 50, '2020-01-01 00:30']],
    );
  });

  it('evaluates geo predicates and distances', async () => {
    const point = "geom'POINT(2.35 48.85)'";
    assert.deepEqual(await names({ where: [`within_distance(geo, ${point}, 2km)`] }), [
      'Star Trek',
      'Star Wars',
    ]);
    assert.deepEqual(await names({ where: [`distance(geo, ${point}, 500m)`] }), ['Star Trek']);
    assert.deepEqual(await names({ where: ['in_bbox(geo, 46, 5, 45, 4)'] }), [
      'Boulangerie Éclair',
    ]);
    const square = "geom'POLYGON((2 48, 3 48, 3 49, 2 49, 2 48))'";
    assert.deepEqual(await names({ where: [`intersects(geo, ${square})`] }), [
      'Star Trek',
      'Star Wars',
    ]);
    assert.deepEqual(await names({ where: [`disjoint(geo, ${square})`] }), ['Boulangerie Éclair']);
    const [[d]] = (await engine.rows({
      select: `distance(geo, ${point})`,
      where: ["name = 'Star Wars'"],
    })) as [[number]];
    assert.ok(Math.abs(d - 1331) < 2, String(d));
  });

  it('returns geo points as two columns, counts and looks records up', async () => {
    assert.deepEqual(await engine.rows({ select: 'name, geo', limit: 1 }), [
      ['Star Trek', 48.85, 2.35],
    ]);
    assert.equal(await engine.count({ where: ['"star"'] }), 2);
    assert.deepEqual(await engine.lookup('id2', { select: 'name' }), [['Boulangerie Éclair']]);
  });

  it('groups by static and equal-width ranges, without empty or out-of-range buckets', async () => {
    assert.deepEqual(
      await engine.rows({
        select: 'r, count(*)',
        groupBy: 'range(population, *, 20, 60, *) as r',
        orderBy: 'r',
      }),
      [
        ['[*, 20[', 1],
        ['[20, 60[', 1],
        ['[60, *[', 1],
      ],
    );
    assert.deepEqual(
      await engine.rows({ select: 'r, count(*)', groupBy: 'range(population, 20, 60) as r' }),
      [['[20, 60[', 1]],
    );
    assert.deepEqual(
      await engine.rows({
        select: 'r, count(*)',
        groupBy: 'range(population, 25) as r',
        orderBy: 'r',
      }),
      [
        [0, 1],
        [50, 1],
        [100, 1],
      ],
    );
    assert.deepEqual(
      await engine.rows({
        select: 'r, count(*)',
        groupBy: 'range(at, 1 year) as r',
        orderBy: 'r',
        timezone: 'Europe/Paris',
      }),
      [
        [Date.parse('2018-12-31T23:00:00Z'), 1],
        [Date.parse('2019-12-31T23:00:00Z'), 2],
      ],
    );
    assert.deepEqual(
      await engine.rows({
        select: 'r, count(*)',
        groupBy: 'range(day, 1M) as r',
        orderBy: 'r desc',
      }),
      [
        ['2020-01-01', 1],
        ['2019-12-01', 1],
        ['2019-03-01', 1],
      ],
    );
    assert.deepEqual(
      await engine.rows({
        select: 'r, count(*)',
        groupBy: "range(day, *, date'2019-06', *) as r",
        orderBy: 'r',
      }),
      [
        ['[*, 2019-06-01T00:00:00.000Z[', 1],
        ['[2019-06-01T00:00:00.000Z, *[', 2],
      ],
    );
  });

  it('computes geo aggregates', async () => {
    const [[box, hull]] = (await engine.rows({ select: 'bbox(geo), envelope(geo)' })) as [
      [unknown, { type: string; coordinates: number[][][] }],
    ];
    assert.deepEqual(box, {
      type: 'Polygon',
      coordinates: [
        [
          [2.34, 45.76],
          [4.83, 45.76],
          [4.83, 48.86],
          [2.34, 48.86],
          [2.34, 45.76],
        ],
      ],
    });
    assert.equal(hull.type, 'Polygon');
    if (engine.convexHull) assert.equal(hull.coordinates[0]?.length, 4);
  });

  it('clusters points and returns each centroid as a point', async () => {
    const rows = await engine.rows({
      select: 'c, count(*) as n',
      groupBy: 'geo_cluster(geo, 5) as c',
      orderBy: 'n desc',
    });
    assert.equal(rows.length, 2);
    const [lat, lon, n] = rows[0] as [number, number, number];
    assert.ok(Math.abs(lat - 48.855) < 1e-9 && Math.abs(lon - 2.345) < 1e-9, String(rows[0]));
    assert.equal(n, 2);
    assert.deepEqual(rows[1], [45.76, 4.83, 1]);
  });

  it('orders groups randomly too', async () => {
    const groups = await engine.rows({ groupBy: 'city', orderBy: 'random(2)' });
    assert.equal(groups.length, 3);
    assert.deepEqual(await engine.rows({ groupBy: 'city', orderBy: 'random(2)' }), groups);
  });

  it('orders randomly but stably per seed', async () => {
    const first = await names({ orderBy: 'random(7)' });
    assert.deepEqual(await names({ orderBy: 'random(7)' }), first);
    assert.equal(first.length, 4);
  });
}
