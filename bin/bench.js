#!/usr/bin/env node
// `npm run bench -- NAME…`: runs bench/NAME.ts (all benchmarks when no name is given).
import { readdirSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const dir = new URL('../bench/', import.meta.url);
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !available.includes(n));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : available) {
  console.log(`\n== bench ${name} ==`);
  const mod = await import(new URL(`${name}.bench.ts`, dir).href);
  await mod.run();
}
