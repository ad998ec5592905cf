// JSON: an array of objects (flat records, or ODS's v1/v2.0 export shapes), streamed with
// stream-json so only one element is assembled at a time.

import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream';

import streamArray from 'stream-json/streamers/stream-array.js';

import { unreadable } from '../unreadable.ts';
import { countedFile } from './byte-counter.ts';
import { firstCharacter } from './head.ts';
import { unwrapOdsRecord } from './ods-record.ts';
import { inspectSource } from './record-layout.ts';
import { readSource } from './record-reader.ts';
import type { ImportFormat, RecordSource, SourceRecord } from './types.ts';

/** Whole keys, strings and numbers only (no partial chunks): about 40 % faster here. */
export const PARSER_OPTIONS = { streamValues: false };

/**
 * The elements of an array of the file, one at a time: `stages` (stream-json's parser, filters
 * and array streamer) turn the bytes into `{key, value}` items.
 */
export async function openJsonArray(
  path: string,
  stages: Duplex[],
  map: (value: unknown, position: number) => SourceRecord,
): Promise<RecordSource> {
  const file = await countedFile(path);
  const items = stages.at(-1) as Duplex;
  // An error anywhere destroys every stage, so the loop below throws it.
  pipeline([file.stream, ...stages], () => {});
  async function* records(): AsyncIterable<SourceRecord> {
    for await (const item of items as AsyncIterable<{ key: number; value: unknown }>) {
      yield map(item.value, item.key + 1);
    }
  }
  return {
    records: records(),
    progress: file.progress,
    close: async () => {
      file.stream.destroy();
      for (const stage of stages) stage.destroy();
    },
  };
}

async function openJson(path: string): Promise<RecordSource> {
  const first = await firstCharacter(path);
  if (first !== '[') {
    throw unreadable(
      first === '{'
        ? 'the JSON file holds one object; an import needs an array of records ([{…}, {…}]), JSON Lines, or a GeoJSON FeatureCollection.'
        : 'the file does not start with a JSON array ([{…}, {…}]).',
    );
  }
  return openJsonArray(
    path,
    [streamArray.withParserAsStream(PARSER_OPTIONS)],
    (value, position) => ({
      values: unwrapOdsRecord(value),
      position,
    }),
  );
}

export const JSON_FORMAT: ImportFormat = {
  name: 'json',
  position: 'record',
  inspect: (path, options) => inspectSource('json', () => openJson(path), options),
  read: async (path, layout, sink, onProgress) =>
    readSource(await openJson(path), layout, sink, onProgress),
};
