// Where command output goes: a named file, or stdout.
import { writeFile } from 'node:fs/promises';

export async function writeOutput(text: string, file: string | undefined): Promise<void> {
  if (file) await writeFile(file, text);
  else process.stdout.write(text);
}
