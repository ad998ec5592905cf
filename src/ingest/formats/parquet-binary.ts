// Parquet BYTE_ARRAY columns with no annotation: WKB geometries (as GeoPandas writes them
// without GeoParquet metadata) become GeoJSON geometries, other bytes UTF-8 text.

import { wkbToGeojson } from 'hyparquet/src/wkb.js';

const decoder = new TextDecoder();

function asWkb(bytes: Uint8Array): unknown {
  if (bytes.length < 5 || (bytes[0] !== 0 && bytes[0] !== 1)) return undefined;
  try {
    const reader = {
      view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      offset: 0,
    };
    const geometry = wkbToGeojson(reader);
    return reader.offset === bytes.length ? geometry : undefined;
  } catch {
    return undefined;
  }
}

export function binaryValue(value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  return asWkb(value) ?? decoder.decode(value);
}
