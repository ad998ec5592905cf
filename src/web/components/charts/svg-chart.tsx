// Charts drawn on the server as SVG (no script needed): columns, bars, lines and pies, with
// d3's scales and shapes. The figure is an image with a title; its values are also given as a
// table beside it (see the analyze tab), so the chart never is the only way to read them.

import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { arc, line, pie } from 'd3-shape';

import type { ChartData, ChartType } from './chart-data.ts';

/** DSFR illustrative colours with at least 3:1 contrast on white. */
export const SERIES_COLOURS = ['#000091', '#c9191e', '#18753c', '#b34000', '#6a6af4', '#695240'];

const WIDTH = 800;
const HEIGHT = 420;
const MARGIN = { top: 20, right: 20, bottom: 90, left: 70 };

export interface SvgChartProps {
  id: string;
  type: ChartType;
  title: string;
  data: ChartData;
  format: (value: number) => string;
}

function truncate(text: string, max = 18): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function Legend({ data }: { data: ChartData }) {
  if (data.series.length < 2) return null;
  return (
    <g transform={`translate(${MARGIN.left}, ${HEIGHT - 18})`}>
      {data.series.map((name, i) => (
        <g transform={`translate(${i * 125}, 0)`}>
          <rect width="12" height="12" y="-10" fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} />
          <text x="16" font-size="12">
            {truncate(name, 16)}
          </text>
        </g>
      ))}
    </g>
  );
}

function ValueAxis({
  ticks,
  scale,
  format,
  vertical,
}: {
  ticks: number[];
  scale: (v: number) => number;
  format: (v: number) => string;
  vertical: boolean;
}) {
  return (
    <g font-size="11" fill="#3a3a3a">
      {ticks.map((tick) =>
        vertical ? (
          <g>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={scale(tick)}
              y2={scale(tick)}
              stroke="#ddd"
            />
            <text x={MARGIN.left - 6} y={scale(tick) + 4} text-anchor="end">
              {format(tick)}
            </text>
          </g>
        ) : (
          <g>
            <line
              y1={MARGIN.top}
              y2={HEIGHT - MARGIN.bottom}
              x1={scale(tick)}
              x2={scale(tick)}
              stroke="#ddd"
            />
            <text y={HEIGHT - MARGIN.bottom + 14} x={scale(tick)} text-anchor="middle">
              {format(tick)}
            </text>
          </g>
        ),
      )}
    </g>
  );
}

function extent(data: ChartData): [number, number] {
  const all = data.values.flat().filter((v): v is number => v !== null);
  return [Math.min(0, ...all), Math.max(0, ...all)];
}

function Columns({
  data,
  format,
  horizontal,
}: {
  data: ChartData;
  format: (v: number) => string;
  horizontal: boolean;
}) {
  const [low, high] = extent(data);
  const band = scaleBand<string>()
    .domain(data.categories)
    .range(horizontal ? [MARGIN.top, HEIGHT - MARGIN.bottom] : [MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.2);
  const inner = scaleBand<string>().domain(data.series).range([0, band.bandwidth()]).padding(0.05);
  const value = scaleLinear()
    .domain([low, high])
    .nice()
    .range(horizontal ? [MARGIN.left, WIDTH - MARGIN.right] : [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const zero = value(0);
  return (
    <>
      <ValueAxis ticks={value.ticks(6)} scale={value} format={format} vertical={!horizontal} />
      {data.categories.map((category, ci) => (
        <g>
          {data.series.map((_, si) => {
            const v = data.values[ci]![si];
            if (v === null || v === undefined) return null;
            const at = (band(category) ?? 0) + (inner(data.series[si]!) ?? 0);
            const fill = SERIES_COLOURS[si % SERIES_COLOURS.length];
            return horizontal ? (
              <rect
                x={Math.min(zero, value(v))}
                y={at}
                width={Math.abs(value(v) - zero)}
                height={inner.bandwidth()}
                fill={fill}
              />
            ) : (
              <rect
                x={at}
                y={Math.min(zero, value(v))}
                width={inner.bandwidth()}
                height={Math.abs(value(v) - zero)}
                fill={fill}
              />
            );
          })}
          {horizontal ? (
            <text
              x={MARGIN.left - 6}
              y={(band(category) ?? 0) + band.bandwidth() / 2 + 4}
              text-anchor="end"
              font-size="11"
            >
              {truncate(category, 10)}
            </text>
          ) : (
            <text
              transform={`translate(${(band(category) ?? 0) + band.bandwidth() / 2}, ${HEIGHT - MARGIN.bottom + 12}) rotate(-40)`}
              text-anchor="end"
              font-size="11"
            >
              {truncate(category)}
            </text>
          )}
        </g>
      ))}
    </>
  );
}

function Lines({ data, format }: { data: ChartData; format: (v: number) => string }) {
  const [low, high] = extent(data);
  const x = scalePoint<string>()
    .domain(data.categories)
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.5);
  const y = scaleLinear()
    .domain([low, high])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const every = Math.max(1, Math.ceil(data.categories.length / 20));
  return (
    <>
      <ValueAxis ticks={y.ticks(6)} scale={y} format={format} vertical />
      {data.series.map((_, si) => {
        const points = data.categories
          .map((c, ci) => [x(c) ?? 0, data.values[ci]![si]] as const)
          .filter((p): p is readonly [number, number] => p[1] !== null && p[1] !== undefined);
        const path = line<readonly [number, number]>()
          .x((p) => p[0])
          .y((p) => y(p[1]))(points);
        return (
          <path
            d={path ?? ''}
            fill="none"
            stroke={SERIES_COLOURS[si % SERIES_COLOURS.length]}
            stroke-width="2"
          />
        );
      })}
      {data.categories.map((c, i) =>
        i % every === 0 ? (
          <text
            transform={`translate(${x(c) ?? 0}, ${HEIGHT - MARGIN.bottom + 12}) rotate(-40)`}
            text-anchor="end"
            font-size="11"
          >
            {truncate(c)}
          </text>
        ) : null,
      )}
    </>
  );
}

function Pie({ data }: { data: ChartData }) {
  const slices = pie<number>().sort(null)(data.values.map((row) => Math.max(0, row[0] ?? 0)));
  const radius = (HEIGHT - MARGIN.top - 40) / 2;
  const shape = arc<(typeof slices)[number]>().innerRadius(0).outerRadius(radius);
  const labelAt = arc<(typeof slices)[number]>()
    .innerRadius(radius * 1.08)
    .outerRadius(radius * 1.08);
  return (
    <g transform={`translate(${WIDTH / 2}, ${MARGIN.top + radius})`}>
      {slices.map((slice, i) => (
        <path
          d={shape(slice) ?? ''}
          fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
          stroke="#fff"
        />
      ))}
      {slices.map((slice, i) => {
        const [lx, ly] = labelAt.centroid(slice);
        return slice.endAngle - slice.startAngle > 0.15 ? (
          <text x={lx} y={ly} font-size="11" text-anchor={lx < 0 ? 'end' : 'start'}>
            {truncate(data.categories[i] ?? '', 22)}
          </text>
        ) : null;
      })}
    </g>
  );
}

export function SvgChart({ id, type, title, data, format }: SvgChartProps) {
  return (
    <svg
      id={id}
      class="dg-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      {type === 'pie' ? (
        <Pie data={data} />
      ) : type === 'line' ? (
        <Lines data={data} format={format} />
      ) : (
        <Columns data={data} format={format} horizontal={type === 'bar'} />
      )}
      {type === 'pie' ? null : <Legend data={data} />}
    </svg>
  );
}
