// The administration profile of the API's detection job: RINGSCOPE_PROFILE names a preset or a
// JSON file, read at boot with `ringscope detect --profile`'s loader (a bad one stops the boot
// naming the file and the field), and the job runs with it: lines just under the US de-minimis
// (800) are a split-shipment scheme with the `us` profile and nothing under the EU's (150).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import { PROFILE_PRESETS } from '../../src/model/profile.ts';
import { loadConfig } from '../../server/config.ts';
import { PIPELINES } from '../../server/pipelines.ts';
import { startHarness, type Harness } from './support/harness.ts';

const HEADER =
  'declaration_id,line,date,importer_id,broker_id,supplier_id,hs_code,origin_country,customs_value';
/** One importer receiving six lines of one supplier in six days, each just under 800. */
const SPLIT = [1, 2, 3, 4, 5, 6].map(
  (d) => `SPLIT-${d},1,2024-03-0${d},IM-SPLIT,BR-1,SU-SPLIT,610910,CN,${780 + d}`,
);
/** Background trade well above either de-minimis. */
const OTHER = Array.from(
  { length: 12 },
  (_, i) =>
    `BG-${i},1,2024-03-${String(1 + i).padStart(2, '0')},IM-${i % 3},BR-1,SU-${i % 4},851712,VN,${5000 + 37 * i}`,
);

const JobResult = z.object({
  job: z.object({
    state: z.literal('succeeded'),
    result: z.object({ profile: z.string(), byTypology: z.record(z.string(), z.number()) }),
  }),
});

describe('RINGSCOPE_PROFILE', () => {
  it('takes a preset or a file, EU by default; a bad profile stops the boot naming the file and field', () => {
    expect(loadConfig({}).profile.name).toBe('European Union');
    expect(loadConfig({ RINGSCOPE_PROFILE: 'us' }).profile).toBe(PROFILE_PRESETS.us);
    const bad = join(mkdtempSync(join(tmpdir(), 'profile-')), 'bad-profile.json');
    writeFileSync(bad, JSON.stringify({ ...PROFILE_PRESETS.us, deMinimis: [{ value: -5 }] }));
    expect(() => loadConfig({ RINGSCOPE_PROFILE: bad })).toThrow(
      `RINGSCOPE_PROFILE: ${bad}: deMinimis[0].value: expected a positive number (got ${JSON.stringify(bad)})`,
    );
    expect(() => loadConfig({ RINGSCOPE_PROFILE: 'mars' })).toThrow(
      /RINGSCOPE_PROFILE: mars: cannot read the profile \(ENOENT\); give a JSON file or a preset: eu, us/,
    );
  });
});

describe('the detection job', () => {
  const harnesses: Harness[] = [];
  afterAll(() => Promise.all(harnesses.map((h) => h.close())));

  async function detectWith(profile: 'eu' | 'us') {
    const h = await startHarness({
      fixture: false,
      pipelines: PIPELINES,
      config: { profile: PROFILE_PRESETS[profile]! },
    });
    harnesses.push(h);
    const csv = join(h.dir, 'declarations.csv');
    writeFileSync(csv, `${HEADER}\n${[...SPLIT, ...OTHER].join('\n')}\n`);
    const [outcome] = await ingestFiles(h.store, [csv]);
    expect(outcome?.problems).toEqual([]);
    const admin = await h.as('admin');
    const started = await admin.post('/api/jobs/detect').send({ seed: 1 });
    expect(started.status).toBe(202);
    await h.services.jobs.idle();
    const id = z.object({ job: z.object({ id: z.string() }) }).parse(started.body).job.id;
    return JobResult.parse((await admin.get(`/api/jobs/${id}`)).body).job.result;
  }

  it('runs with the configured profile and records its name', async () => {
    const us = await detectWith('us');
    const eu = await detectWith('eu');
    expect(us.profile).toBe('United States');
    expect(eu.profile).toBe('European Union');
    expect(us.byTypology.split_shipments).toBe(1);
    expect(eu.byTypology.split_shipments ?? 0).toBe(0);
  });
});
