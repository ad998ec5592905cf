// Downloads one URL uncompressed and prints its size and this process's CPU time as JSON: the
// export bench's client, in its own process so that the server's figures are the server's.
// Plain JavaScript: no TypeScript loader to start.

import { get } from 'node:http';

const url = process.argv[2];
const cpuBefore = process.cpuUsage();
// node:http, not fetch: fetch may not drop Accept-Encoding, and the bench measures the export
// itself, uncompressed (compression is the client's choice).
get(url, { headers: { 'accept-encoding': 'identity' } }, (response) => {
  let bytes = 0;
  response.on('data', (chunk) => (bytes += chunk.length));
  response.on('end', () => {
    const cpu = process.cpuUsage(cpuBefore);
    const status = response.statusCode;
    const cache = response.headers['x-datagora-export-cache'];
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(JSON.stringify({ status, bytes, cpuSeconds, cache }));
  });
}).on('error', (error) => {
  console.error(error.message);
  process.exit(1);
});
