// Every `ringscope` sub-command, one module each; each exports register(program).
import type { Command } from 'commander';
import { register as audit } from './audit.ts';
import { register as detect } from './detect.ts';
import { register as evaluate } from './eval.ts';
import { register as evaluateKcs } from './eval-kcs.ts';
import { register as exportCommand } from './export.ts';
import { registerIngest } from './ingest.ts';
import { register as resolve } from './resolve.ts';
import { register as score } from './score.ts';
import { register as seed } from './seed.ts';
import { register as serve } from './serve.ts';
import { register as share } from './share.ts';
import { register as start } from './start.ts';
import { registerStats } from './stats.ts';
import { register as target } from './target.ts';
import { register as train } from './train.ts';
import { register as models } from './stored-model.ts';
import { register as user } from './user.ts';

type Register = (program: Command) => void;

export const COMMANDS: Register[] = [
  registerIngest,
  registerStats,
  seed,
  detect,
  evaluate,
  evaluateKcs,
  resolve,
  target,
  train,
  score,
  models,
  exportCommand,
  share,
  serve,
  start,
  user,
  audit,
];
