#!/usr/bin/env node
// Entry point of the `datagora` command: runs the command line bundled into JavaScript
// (scripts/bundle.mjs: rebuilt when its sources change), without a TypeScript loader. Serving
// processes forked by node:cluster (`datagora serve` with DATAGORA_PROCESSES) run the bundle.
import cluster from 'node:cluster';
import { pathToFileURL } from 'node:url';

import { bundleEntry } from '../scripts/bundle.mjs';

const bundle = bundleEntry('src/cli/main.ts', 'cli');
cluster.setupPrimary({ exec: bundle });
await import(pathToFileURL(bundle).href);
