// multipart/form-data bodies as a browser sends a form with a file: parts in the order given
// (the CSRF token first, as the back office's forms put it).

export const MULTIPART_BOUNDARY = '----datagora-test-boundary';

export type Part = [name: string, value: string] | [name: string, file: Buffer, fileName: string];

export function multipartBody(parts: Part[], type = 'application/octet-stream'): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.length === 3
        ? `form-data; name="${part[0]}"; filename="${part[2]}"\r\nContent-Type: ${type}`
        : `form-data; name="${part[0]}"`;
    chunks.push(
      Buffer.from(`--${MULTIPART_BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`),
    );
    chunks.push(typeof part[1] === 'string' ? Buffer.from(part[1]) : part[1]);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${MULTIPART_BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

export const MULTIPART_TYPE = `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`;
