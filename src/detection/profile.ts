// Reading an administration profile for a detection run: a preset name (`eu`, `us`) or a JSON
// file, validated against the schema in src/model/profile.ts. A bad file is refused with the
// file and the field: `profile.json: deMinimis[0].value: expected a positive number`.
import { readFileSync } from 'node:fs';
import {
  AdministrationProfile,
  DEFAULT_PROFILE,
  PROFILE_PRESETS,
  profileFieldPath,
} from '../model/profile.ts';

/** A profile that cannot be used; the message names the file and the field. */
export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** The profile of a JSON text, or a ProfileError naming `source` and the first bad field. */
export function parseProfile(source: string, text: string): AdministrationProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProfileError(`${source}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = AdministrationProfile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = profileFieldPath(issue.path);
    throw new ProfileError(`${source}: ${field ? `${field}: ` : ''}${issue.message}`);
  }
  return parsed.data;
}

/** A preset by name, a profile file by path, or the EU preset when nothing is given. */
export function loadProfile(nameOrFile: string | undefined): Promise<AdministrationProfile> {
  return new Promise((resolve) => resolve(loadProfileSync(nameOrFile)));
}

/** loadProfile for a caller that cannot wait: the server's configuration, read at boot. */
export function loadProfileSync(nameOrFile: string | undefined): AdministrationProfile {
  if (!nameOrFile) return DEFAULT_PROFILE;
  const preset = PROFILE_PRESETS[nameOrFile];
  if (preset) return preset;
  let text: string;
  try {
    text = readFileSync(nameOrFile, 'utf8');
  } catch (e) {
    throw new ProfileError(
      `${nameOrFile}: cannot read the profile (${(e as NodeJS.ErrnoException).code ?? 'error'}); give a JSON file or a preset: ${Object.keys(PROFILE_PRESETS).join(', ')}`,
    );
  }
  return parseProfile(nameOrFile, text);
}
