// Identifier quoting for the SQL this engine writes itself. Values are always bound parameters.

/** Schema names this engine accepts: plain lowercase identifiers, so they need no escaping in
 * connection options and read the same quoted or not. */
const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export function isValidSchemaName(name: string): boolean {
  return SCHEMA_PATTERN.test(name);
}

/** Quotes an identifier for PostgreSQL (`"a""b"`). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A schema-qualified, quoted name (`"schema"."table"`). */
export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}
