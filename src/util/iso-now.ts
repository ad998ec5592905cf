// The current time as an ISO 8601 UTC string (`2026-01-31T12:00:00.000Z`).

export function isoNow(): string {
  return new Date().toISOString();
}
