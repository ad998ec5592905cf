// How an export turns raw rows into text where the rows are read (a reader thread, or the main
// thread for engines without one): a pure module named by URL, so that the same formatting code
// runs on every engine and in every thread.

/** Turns one raw row (as StorageEngine.query returns it) into its text in the file. */
export type RowEncoder = (row: readonly unknown[]) => string;

/** What a module named in RowEncoding exports. */
export interface RowEncoderModule {
  createRowEncoder(options: never): RowEncoder;
}

export interface RowEncoding {
  /** URL of a module exporting `createRowEncoder(options)`; pure, no I/O. */
  module: string;
  /** Its options, copied to each reader thread (structured-cloneable). */
  options: unknown;
  /** Written between two rows (`,` in a JSON array). */
  separator: string;
  /** Written after each row (CRLF in CSV). */
  terminator: string;
}
