// The XLSX export: one worksheet, a header row (names or labels), then a row per record, encoded
// in the reader threads (xlsx-row.ts) in order; this thread zips the parts with yazl as the
// rows come (the worksheet deflated as a stream), so memory stays flat. The package holds only
// the parts a spreadsheet needs: content types, relationships, the workbook and its sheet.

import { Readable } from 'node:stream';

import yazl from 'yazl';

import type { EncodedChunk } from '../../core/row-encoding.ts';
import type { RecordsExport } from '../../records/index.ts';
import { headerOf } from './csv.ts';
import type { EncodedBody } from './text-body.ts';
import type { XlsxRowOptions } from './xlsx-row.ts';
import { XLSX_ROW_MODULE, columnLetters, textCell, xmlText } from './xlsx-row.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOCUMENT_RELATIONSHIPS =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const OFFICE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/xl/workbook.xml" ContentType="${OFFICE}.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${OFFICE}.worksheet+xml"/>` +
  '</Types>';

const PACKAGE_RELS =
  `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
  `<Relationship Id="rId1" Type="${DOCUMENT_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

const WORKBOOK_RELS =
  `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
  `<Relationship Id="rId1" Type="${DOCUMENT_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  '</Relationships>';

function workbook(sheetName: string): string {
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${DOCUMENT_RELATIONSHIPS}"><sheets>` +
    `<sheet name="${xmlText(sheetName).replace(/"/g, '&quot;')}" sheetId="1" r:id="rId1"/>` +
    '</sheets></workbook>'
  );
}

/** The worksheet: its head and header row, the encoded rows, its tail. */
async function* worksheet(
  header: string[],
  chunks: AsyncIterable<EncodedChunk>,
): AsyncIterable<Buffer> {
  const cells = header.map((name, i) => textCell(`${columnLetters(i)}1`, name)).join('');
  yield Buffer.from(`${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${cells}</row>`);
  for await (const { bytes } of chunks) {
    yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  yield Buffer.from('</sheetData></worksheet>');
}

async function* xlsxFile(
  sheetName: string,
  header: string[],
  chunks: AsyncIterable<EncodedChunk>,
): AsyncIterable<Buffer> {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as unknown as Readable;
  const sheet = Readable.from(worksheet(header, chunks), { objectMode: false });
  // yazl does not see its input fail: the archive fails with it.
  sheet.on('error', (error) => output.destroy(error));
  try {
    zip.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml');
    zip.addBuffer(Buffer.from(PACKAGE_RELS), '_rels/.rels');
    zip.addBuffer(Buffer.from(workbook(sheetName)), 'xl/workbook.xml');
    zip.addBuffer(Buffer.from(WORKBOOK_RELS), 'xl/_rels/workbook.xml.rels');
    zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml');
    zip.end();
    for await (const chunk of output as AsyncIterable<Buffer>) yield chunk;
  } finally {
    // Stopped early (or failed): the rows are no longer read.
    sheet.destroy();
  }
}

export function xlsxBody(data: RecordsExport, useLabels: boolean): EncodedBody {
  const options: XlsxRowOptions = { columns: data.columns, timezone: data.timezone };
  const header = headerOf(data, useLabels);
  const sheetName = data.datasetId.slice(0, 31);
  return {
    encoding: {
      module: XLSX_ROW_MODULE,
      options,
      separator: '',
      terminator: '',
      sequential: true,
    },
    frame: (chunks) => xlsxFile(sheetName, header, chunks),
  };
}
