// Every `ringscope` sub-command, one module each; each exports register(program).
import type { Command } from 'commander';
import { register as serve } from './serve.ts';

type Register = (program: Command) => void;

export const COMMANDS: Register[] = [serve];
