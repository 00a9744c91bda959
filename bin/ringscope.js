#!/usr/bin/env -S node --max-semi-space-size=64
// Entry point of the `ringscope` command: runs the TypeScript CLI through tsx, so a checkout
// needs no build step. Node starts with a young generation of 64 MB semi-spaces instead of the
// default 16: an import allocates rows by the hundred thousand, and with the default V8 spent
// about a tenth of the ingest in scavenges copying rows that were still in use (measured with
// `npm run bench -- ingest` and `-- neo4j`; see docs/decisions/2026-11-27-young-generation.md). A flag V8 reads only at start-up,
// so it is given here, in package.json's scripts and in the Dockerfile.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
