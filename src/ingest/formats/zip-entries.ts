// Listing and extracting the entries of a zip archive with yauzl (entries are inflated as
// streams; nothing is held whole in memory).

import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

import yauzl from 'yauzl';

import { unreadable } from '../unreadable.ts';

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error) reject(unreadable(`the zip archive cannot be read (${error.message}).`, error));
      else resolve(zip);
    });
  });
}

/** Calls `visit` on each entry, in archive order; stops when it returns false. */
async function eachEntry(
  zip: yauzl.ZipFile,
  visit: (entry: yauzl.Entry) => Promise<boolean>,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      visit(entry).then(
        (goOn) => (goOn ? zip.readEntry() : resolve()),
        (error: unknown) => reject(error as Error),
      );
    });
    zip.on('end', () => resolve());
    zip.on('error', (error: Error) =>
      reject(unreadable(`the zip archive cannot be read (${error.message}).`, error)),
    );
    zip.readEntry();
  });
}

export async function zipEntryNames(path: string): Promise<string[]> {
  const zip = await openZip(path);
  const names: string[] = [];
  try {
    await eachEntry(zip, async (entry) => {
      names.push(entry.fileName);
      return true;
    });
  } finally {
    zip.close();
  }
  return names;
}

/**
 * Writes the entries `choose` names a target for (a path of ours, never the archive's), each
 * inflated as a stream, stopping past `maxBytes` in all (a zip bomb is refused, not unpacked).
 */
export async function extractEntries(
  path: string,
  choose: (name: string) => string | undefined,
  maxBytes: number,
): Promise<void> {
  const zip = await openZip(path);
  let written = 0;
  try {
    await eachEntry(zip, async (entry) => {
      const target = /\/$/.test(entry.fileName) ? undefined : choose(entry.fileName);
      if (target === undefined) return true;
      const input = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
      });
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          written += chunk.length;
          if (written > maxBytes) {
            done(unreadable(`the zip archive unpacks to more than ${maxBytes} bytes.`));
          } else {
            done(null, chunk);
          }
        },
      });
      await pipeline(input, limit, createWriteStream(target));
      return true;
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'PortalError') throw error;
    throw unreadable(`the zip archive cannot be read (${(error as Error).message}).`, error);
  } finally {
    zip.close();
  }
}
