// The portal's own anonymous audience measurement (docs/statistics.md).

export { AudienceService } from './audience-service.ts';
export type { AudienceServiceOptions } from './audience-service.ts';
export { AudienceRecorder, MAX_RETENTION_MONTHS } from './recorder.ts';
export type { AudienceReport, DatasetFigures, DayFigures, Line, Period } from './report.ts';
export { eachDay } from './report.ts';
export type { AudienceEvent, AudienceHit } from './events.ts';
export { VisitorPool } from './visitor-pool.ts';
export type { DayCount, DayHashes, VisitorHub } from './visitor-tally.ts';
