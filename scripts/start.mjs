// `npm start`: bundles the portal (scripts/bundle.mjs, reused while its sources are unchanged),
// then runs the bundle in this process. Serving processes forked by node:cluster
// (DATAGORA_PROCESSES) run the bundle file itself.

import cluster from 'node:cluster';
import { pathToFileURL } from 'node:url';

import { bundleEntry } from './bundle.mjs';

const bundle = bundleEntry('src/main.ts', 'main');
cluster.setupPrimary({ exec: bundle });
await import(pathToFileURL(bundle).href);
