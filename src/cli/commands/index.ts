// Every `ringscope` sub-command, one module each; each exports register(program).
import type { Command } from 'commander';
import { register as evaluate } from './eval.ts';
import { registerIngest } from './ingest.ts';
import { register as seed } from './seed.ts';
import { registerStats } from './stats.ts';

type Register = (program: Command) => void;

export const COMMANDS: Register[] = [seed, registerIngest, registerStats, evaluate];
