// Every `ringscope` sub-command, one module each; each exports register(program).
import type { Command } from 'commander';

type Register = (program: Command) => void;

export const COMMANDS: Register[] = [];
