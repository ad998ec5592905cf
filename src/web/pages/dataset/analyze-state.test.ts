import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeField } from '../../../core/field.ts';
import { chartParams, chartQuery, granularitiesOf, readChartSpec } from './analyze-state.ts';

const fields = [
  makeField('city', 'text', { facet: [] }),
  makeField('when', 'datetime'),
  makeField('score', 'double'),
  makeField('geo', 'geo_point_2d'),
];
const read = (text: string) => readChartSpec(new URLSearchParams(text), fields);

test('defaults: a line of counts by month of the first date field', () => {
  assert.deepEqual(read(''), {
    type: 'line',
    x: 'when',
    granularity: 'month',
    y: 'count',
    yField: null,
    series: null,
  });
});

test('a full spec round-trips; unknown values fall back', () => {
  const spec = read('type=pie&x=city&granularity=year&y=avg&yfield=score&series=city')!;
  assert.deepEqual(spec, {
    type: 'pie',
    x: 'city',
    granularity: 'year',
    y: 'avg',
    yField: 'score',
    series: null,
  });
  assert.deepEqual(read(chartParams(spec).toString()), spec);
  const wild = read('type=radar&x=geo&y=median&yfield=city&series=score')!;
  assert.deepEqual(wild, {
    type: 'line',
    x: 'when',
    granularity: 'month',
    y: 'count',
    yField: null,
    series: null,
  });
  assert.equal(readChartSpec(new URLSearchParams(), [makeField('g', 'geo_point_2d')]), null);
});

test('the ODSQL: dates by period, texts by count, a series as a second group', () => {
  assert.deepEqual(chartQuery(read('x=when&granularity=day')!, fields), {
    select: "date_format(`when`, 'yyyy-MM-dd') as x, count(*) as y",
    groupBy: 'x',
    orderBy: 'x',
  });
  assert.deepEqual(chartQuery(read('x=city&y=max&yfield=score&type=bar')!, fields), {
    select: '`city` as x, max(`score`) as y',
    groupBy: 'x',
    orderBy: 'y desc',
  });
  const split = chartQuery(read('x=when&series=city')!, fields);
  assert.equal(split.groupBy, 'x, series');
  assert.match(split.select, /`city` as series$/);
});

test('a date field’s precision is its default time step, and no finer step is taken', () => {
  const dated = (precision: string) => [
    makeField('city', 'text'),
    makeField('when', 'date', { timeserie_precision: [precision] }),
  ];
  const step = (precision: string, query = '') =>
    readChartSpec(new URLSearchParams(query), dated(precision))!.granularity;
  assert.equal(step('year'), 'year');
  assert.equal(step('month'), 'month');
  assert.equal(step('day'), 'day');
  // Hours and minutes chart by day, the finest step the tab offers.
  assert.equal(step('hour'), 'day');
  assert.equal(step('minute'), 'day');
  assert.equal(step('year', 'granularity=month'), 'year', 'a finer step falls back');
  assert.equal(step('month', 'granularity=year'), 'year', 'a coarser one is kept');
  assert.equal(step('day', 'granularity=month'), 'month');
  assert.deepEqual(granularitiesOf(dated('month')[1]!), ['year', 'month']);
  assert.deepEqual(granularitiesOf(fields[1]!), ['year', 'month', 'day']);
  // The precision of another field does not change the chart's.
  assert.equal(step('year', 'x=city'), 'month');
});
