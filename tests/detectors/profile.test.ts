import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile, parseProfile, ProfileError } from '../../src/detection/profile.ts';
import { deMinimisValues, PROFILE_PRESETS, profileDutyRate } from '../../src/model/profile.ts';
import { runCli } from '../helpers/run-cli.ts';

const valid = { name: 'Test', currency: 'USD', deMinimis: [{ value: 800 }], defaultDutyRate: 0.05 };

describe('administration profile', () => {
  it('refuses an invalid profile naming the file and the field', () => {
    const bad = (p: unknown): string => {
      try {
        parseProfile('profile.json', JSON.stringify(p));
      } catch (e) {
        expect(e).toBeInstanceOf(ProfileError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(bad({ ...valid, deMinimis: [{ value: -800 }] })).toBe(
      'profile.json: deMinimis[0].value: expected a positive number',
    );
    expect(bad({ ...valid, deMinimis: [{ value: 150, currency: 'GBP' }] })).toBe(
      'profile.json: deMinimis[0].currency: no exchange rate for GBP in exchangeRates (values are declared in USD)',
    );
    expect(bad({ ...valid, surcharges: [{ heading: '7318', origins: ['China'], rate: 0.2 }] })).toBe(
      'profile.json: surcharges[0].origins[0]: expected an ISO 3166 two-letter country code, e.g. CN',
    );
    expect(() => parseProfile('p.json', '{')).toThrow(/^p\.json: not valid JSON/);
  });

  it('reads presets by name and files by path; the EU preset by default', async () => {
    expect((await loadProfile(undefined)).currency).toBe('EUR');
    expect(deMinimisValues(await loadProfile('eu'))).toEqual([150]);
    expect(deMinimisValues(await loadProfile('us'))).toEqual([800]);
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    writeFileSync(
      join(dir, 'p.json'),
      JSON.stringify({ ...valid, exchangeRates: { EUR: 1.1 }, deMinimis: [{ value: 100, currency: 'EUR' }] }),
    );
    expect(deMinimisValues(await loadProfile(join(dir, 'p.json')))).toEqual([110.00000000000001]);
    await expect(loadProfile(join(dir, 'missing.json'))).rejects.toThrow(
      /cannot read the profile \(ENOENT\)/,
    );
  });

  it('gives duty rates from the table, the default and the surcharges', () => {
    const eu = PROFILE_PRESETS.eu!;
    expect(profileDutyRate(eu, '7318', 'CN')).toBeCloseTo(0.037 + 0.86, 10);
    expect(profileDutyRate(eu, '7318', 'MY')).toBe(0.037);
    expect(profileDutyRate(eu, '1234', 'MY')).toBe(0.08);
  });

  it('ringscope detect refuses an invalid profile naming the field (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const file = join(dir, 'profile.json');
    writeFileSync(file, JSON.stringify({ ...valid, deMinimis: [{ value: 0 }] }));
    const run = await runCli(['--db', join(dir, 'none.db'), 'detect', '--profile', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`ringscope: ${file}: deMinimis[0].value: expected a positive number\n`);
  });

  it('ringscope detect says which profile it runs with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const run = await runCli(['--db', join(dir, 'empty.db'), 'detect', '--profile', 'us']);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')[0]).toBe('profile: United States (USD, de-minimis 800)');
  });
});
