// What an import reports as it goes (phase, rows, share done). The command line draws it on
// stderr (src/cli/progress.ts); the server turns it into job events.
export type Phase = 'reading' | 'writing';

export interface Progress {
  update(phase: Phase, rows: number, fraction?: number): void;
  finish(): void;
}

export const SILENT: Progress = { update() {}, finish() {} };
