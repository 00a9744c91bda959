// Every `ringscope` sub-command, one module each; each exports register(program).
import type { Command } from 'commander';
import { register as detect } from './detect.ts';
import { register as exportCommand } from './export.ts';
import { register as target } from './target.ts';

type Register = (program: Command) => void;

export const COMMANDS: Register[] = [detect, target, exportCommand];
