// One layer of a shapefile export (one shape type): its .shp and .shx written to temporary
// files as records arrive, its attribute cells kept as JSON lines until the .dbf widths are
// known. Headers carry the file lengths and the bounding box, so they are written last.

import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import type { DbfSchema } from './dbf.ts';
import type { BBox } from './shp-geometry.ts';

const HEADER_BYTES = 100;

export interface LayerFiles {
  shp: string;
  shx: string;
  dbf: string;
}

export class LayerWriter {
  recordCount = 0;
  private shpBytes = HEADER_BYTES;
  private bbox: BBox | null = null;
  private shp: Buffer[] = [];
  private shx: Buffer[] = [];
  private cells: string[] = [];

  private constructor(
    readonly shapeType: number,
    private readonly paths: LayerFiles & { cells: string },
    private readonly files: { shp: FileHandle; shx: FileHandle; cells: FileHandle },
  ) {}

  static async open(dir: string, name: string, shapeType: number): Promise<LayerWriter> {
    const paths = {
      shp: join(dir, `${name}.shp`),
      shx: join(dir, `${name}.shx`),
      dbf: join(dir, `${name}.dbf`),
      cells: join(dir, `${name}.cells`),
    };
    const [shp, shx, cells] = await Promise.all([
      open(paths.shp, 'w'),
      open(paths.shx, 'w'),
      open(paths.cells, 'w'),
    ]);
    // Room for the headers, written once the totals are known. (No position given: a
    // positional write would leave the file offset at 0 for the appends that follow.)
    await shp.write(Buffer.alloc(HEADER_BYTES));
    await shx.write(Buffer.alloc(HEADER_BYTES));
    return new LayerWriter(shapeType, paths, { shp, shx, cells });
  }

  add(content: Buffer, bbox: BBox | null, cells: readonly (string | null)[]): void {
    this.recordCount++;
    const recordHeader = Buffer.alloc(8);
    recordHeader.writeInt32BE(this.recordCount, 0);
    recordHeader.writeInt32BE(content.length / 2, 4);
    const index = Buffer.alloc(8);
    index.writeInt32BE(this.shpBytes / 2, 0);
    index.writeInt32BE(content.length / 2, 4);
    this.shp.push(recordHeader, content);
    this.shx.push(index);
    this.shpBytes += 8 + content.length;
    this.cells.push(`${JSON.stringify(cells)}\n`);
    if (bbox) {
      const b = this.bbox;
      this.bbox = b
        ? [
            Math.min(b[0], bbox[0]),
            Math.min(b[1], bbox[1]),
            Math.max(b[2], bbox[2]),
            Math.max(b[3], bbox[3]),
          ]
        : bbox;
    }
  }

  /** Writes what was added since the last flush (called once per batch of rows). */
  async flush(): Promise<void> {
    if (this.shx.length === 0) return;
    const [shp, shx, cells] = [this.shp, this.shx, this.cells];
    this.shp = [];
    this.shx = [];
    this.cells = [];
    await this.files.shp.write(Buffer.concat(shp));
    await this.files.shx.write(Buffer.concat(shx));
    await this.files.cells.write(cells.join(''));
  }

  /** The attribute cells of every record added, in order (read back from disk). */
  async *cellRows(): AsyncIterable<(string | null)[]> {
    await this.flush();
    const lines = createInterface({
      input: createReadStream(this.paths.cells),
      crlfDelay: Infinity,
    });
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as (string | null)[];
  }

  private header(fileBytes: number): Buffer {
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeInt32BE(9994, 0);
    header.writeInt32BE(fileBytes / 2, 24);
    header.writeInt32LE(1000, 28);
    header.writeInt32LE(this.shapeType, 32);
    (this.bbox ?? [0, 0, 0, 0]).forEach((v, i) => header.writeDoubleLE(v, 36 + i * 8));
    return header;
  }

  /** Closes the files without completing them (the export failed; the folder is removed). */
  async abandon(): Promise<void> {
    const handles = [this.files.shp, this.files.shx, this.files.cells];
    await Promise.all(handles.map((h) => h.close().catch(() => undefined)));
  }

  /** Completes the .shp and .shx, writes the .dbf, and closes every file. */
  async finish(schema: DbfSchema): Promise<LayerFiles> {
    await this.flush();
    await this.files.shp.write(this.header(this.shpBytes), 0, HEADER_BYTES, 0);
    const shxBytes = HEADER_BYTES + 8 * this.recordCount;
    await this.files.shx.write(this.header(shxBytes), 0, HEADER_BYTES, 0);
    await Promise.all([this.files.shp.close(), this.files.shx.close(), this.files.cells.close()]);
    const dbf = await open(this.paths.dbf, 'w');
    try {
      await dbf.write(schema.header(this.recordCount));
      let pending: Buffer[] = [];
      for await (const cells of this.cellRows()) {
        pending.push(schema.record(cells));
        if (pending.length >= 1000) {
          await dbf.write(Buffer.concat(pending));
          pending = [];
        }
      }
      pending.push(Buffer.from([0x1a]));
      await dbf.write(Buffer.concat(pending));
    } finally {
      await dbf.close();
    }
    return { shp: this.paths.shp, shx: this.paths.shx, dbf: this.paths.dbf };
  }
}
