// geom'…' literals: WKT (lon lat order) or GeoJSON geometry text → a GeoJSON-like geometry.

export interface Geometry {
  type: string;
  coordinates: unknown;
}

/** Parses a geometry literal; null when the text is neither valid WKT nor GeoJSON. */
export function parseGeometry(text: string): Geometry | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return parseGeoJson(trimmed);
  try {
    return new WktReader(trimmed).read();
  } catch {
    return null;
  }
}

/** True when every number of nested coordinate arrays is finite (JSON reads 1e999 as Infinity). */
function finiteCoordinates(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(finiteCoordinates);
  return typeof value !== 'number' || Number.isFinite(value);
}

function parseGeoJson(text: string): Geometry | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const g = value as { type?: unknown; coordinates?: unknown; geometry?: unknown };
    if (g.type === 'Feature') return parseGeoJson(JSON.stringify(g.geometry));
    if (typeof g.type !== 'string' || !Array.isArray(g.coordinates)) return null;
    if (!finiteCoordinates(g.coordinates)) return null;
    return { type: g.type, coordinates: g.coordinates };
  } catch {
    return null;
  }
}

const WKT_TYPES: Record<string, [string, number]> = {
  POINT: ['Point', 0],
  LINESTRING: ['LineString', 1],
  POLYGON: ['Polygon', 2],
  MULTIPOINT: ['MultiPoint', 1],
  MULTILINESTRING: ['MultiLineString', 2],
  MULTIPOLYGON: ['MultiPolygon', 3],
};

class WktReader {
  private i = 0;
  constructor(private readonly text: string) {}

  read(): Geometry {
    const match = /^[A-Za-z]+/.exec(this.text);
    const spec = match ? WKT_TYPES[match[0].toUpperCase()] : undefined;
    if (!match || !spec) throw new Error('bad type');
    this.i = match[0].length;
    const coordinates = this.level(spec[1]);
    this.skip();
    if (this.i !== this.text.length) throw new Error('trailing text');
    return { type: spec[0], coordinates };
  }

  private skip(): void {
    while (this.text[this.i] === ' ' || this.text[this.i] === '\n' || this.text[this.i] === '\t') {
      this.i++;
    }
  }

  private expect(ch: string): void {
    this.skip();
    if (this.text[this.i] !== ch) throw new Error(`expected ${ch}`);
    this.i++;
  }

  /** depth 0: "(x y)" for a point; depth n: "(" list of depth n-1 ")". */
  private level(depth: number): unknown {
    if (depth === 0) {
      this.expect('(');
      const point = this.position();
      this.expect(')');
      return point;
    }
    this.expect('(');
    const items: unknown[] = [];
    do {
      this.skip();
      if (depth === 1) {
        const bracketed = this.text[this.i] === '(';
        if (bracketed) this.i++;
        items.push(this.position());
        if (bracketed) this.expect(')');
      } else {
        items.push(this.level(depth - 1));
      }
      this.skip();
    } while (this.text[this.i] === ',' && ++this.i);
    this.expect(')');
    return items;
  }

  private position(): [number, number] {
    return [this.number(), this.number()];
  }

  private number(): number {
    this.skip();
    const match = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(this.text.slice(this.i));
    if (!match) throw new Error('expected a number');
    this.i += match[0].length;
    const value = Number(match[0]);
    if (!Number.isFinite(value)) throw new Error('number out of range');
    return value;
  }
}

/** The bounding box [xmin, ymin, xmax, ymax] of a geometry. */
export function boundingBox(geometry: Geometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1]);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1]);
      return;
    }
    for (const item of c) visit(item);
  };
  visit(geometry.coordinates);
  return box;
}

/** Metres per unit of the distance units ODSQL accepts. */
export const DISTANCE_UNITS: Record<string, number> = {
  mm: 0.001,
  cm: 0.01,
  m: 1,
  km: 1000,
  ft: 0.3048,
  yd: 0.9144,
  mi: 1609.344,
};
