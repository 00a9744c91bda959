// Every `ringscope` sub-command, one module each; each exports register(program).
import type { Command } from 'commander';
import { registerIngest } from './ingest.ts';
import { registerStats } from './stats.ts';

type Register = (program: Command) => void;

export const COMMANDS: Register[] = [registerIngest, registerStats];
