// The PostgreSQL storage engine, selected by a `postgres://…` DATABASE_URL.

export { openPostgresEngine } from './postgres-engine.ts';
export type { PostgresEngineOptions } from './postgres-engine.ts';
