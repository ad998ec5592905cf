// Records of Opendatasoft's own JSON exports, unwrapped to their fields: API v1 writes
// `{datasetid, recordid, fields, geometry, record_timestamp}` with points as `[lat, lon]`,
// API v2.0 `{record: {id, timestamp, size, fields}}`. Flat records (v2.1) pass unchanged.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLatLon(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const [lat, lon] = value as unknown[];
  return (
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180
  );
}

function v1Fields(fields: Record<string, unknown>): Record<string, unknown> {
  const unwrapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    unwrapped[key] = isLatLon(value)
      ? { lat: (value as number[])[0], lon: (value as number[])[1] }
      : value;
  }
  return unwrapped;
}

/** The fields of an ODS v1 or v2.0 record; any other value as it is. */
export function unwrapOdsRecord(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  if (isPlainObject(value['fields']) && ('recordid' in value || 'datasetid' in value)) {
    return v1Fields(value['fields']);
  }
  const record = value['record'];
  if (isPlainObject(record) && isPlainObject(record['fields']) && 'id' in record) {
    return record['fields'];
  }
  return value;
}
