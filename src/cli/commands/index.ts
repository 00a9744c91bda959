// Every `ringscope` sub-command, one module each; each exports register(program).
import type { Command } from 'commander';
import { register as detect } from './detect.ts';
import { register as evaluate } from './eval.ts';
import { register as exportCommand } from './export.ts';
import { registerIngest } from './ingest.ts';
import { register as seed } from './seed.ts';
import { registerStats } from './stats.ts';
import { register as target } from './target.ts';

type Register = (program: Command) => void;

export const COMMANDS: Register[] = [registerIngest, registerStats, seed, detect, evaluate, target, exportCommand];
