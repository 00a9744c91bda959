// `ringscope share import FILE --trust PUBKEY_FILE [--key-file FILE]`: verifies a partner's package
// (signature under the trusted key, format version, expiry, agreed key) and reports which of this
// store's parties match its members. A refused package exits 2 naming why; refusals and receipts
// are both written to the audit trail.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { InputError } from '../../ingest/errors.ts';
import { importShare, type ImportReport, receivedAuditDetail, ShareRefusedError } from '../../share/index.ts';
import { loadTrustedKey } from '../../share/signing.ts';
import { agreedKeyFrom, auditShare, receivedBefore } from './share-common.ts';
import { globalOptions, withStore } from './store-options.ts';

const ImportOptions = z.object({
  trust: z.string().min(1),
  keyFile: z.string().min(1).optional(),
  minConfidence: z.coerce.number().min(0).max(1).default(0.5),
});

function readPackage(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new InputError(`package ${file} cannot be read`, []);
  }
}

function renderReport(report: ImportReport): string {
  const lines = [
    `Package ${report.packageId} from ${report.sender} (signer ${report.signer}) for ${report.partner}`,
    `  purpose: ${report.purpose}`,
    `  handling: ${report.handling}; created ${report.createdAt}; expires ${report.expiresAt}`,
    ...report.rings.map(
      (r) =>
        `  ${r.ref}: ${r.typology}, score ${r.score}, ${r.memberCount} members, revenue at risk ${r.revenueAtRiskBand}; indicators ${r.indicators.map((i) => `${i.name}${i.count > 1 ? ` ×${i.count}` : ''} ${i.contribution}`).join(', ')}`,
    ),
    `${report.matches.length} of your parties match ${report.matchedMembers} of the package's ${report.members} members:`,
    ...report.matches.map(
      (m) =>
        `  ${m.party.label}:${m.party.id}${m.party.name ? ` (${m.party.name})` : ''} = ${m.member} [${m.rings.join(', ')}] confidence ${m.confidence}: ${m.evidence.join('; ')}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

async function runImport(file: string, raw: Record<string, unknown>, command: Command): Promise<void> {
  const parsed = ImportOptions.safeParse(raw);
  if (!parsed.success) throw new InputError(`invalid option: ${parsed.error.issues[0]?.message}`, []);
  const o = parsed.data;
  const trusted = loadTrustedKey(o.trust);
  const key = agreedKeyFrom(o.keyFile);
  const bytes = readPackage(file);
  await withStore(globalOptions(command), async (store) => {
    let report: ImportReport;
    try {
      report = await importShare(store, file, bytes, {
        trusted,
        agreedKey: key,
        now: new Date(),
        minConfidence: o.minConfidence,
      });
    } catch (error) {
      if (error instanceof ShareRefusedError)
        auditShare(command, {
          action: 'share_import',
          target: null,
          detail: { file, refused: error.reason, message: error.message },
        });
      throw error;
    }
    const earlier = receivedBefore(command, report.packageId);
    auditShare(command, {
      action: 'share_import',
      target: report.packageId,
      detail: { file, ...receivedAuditDetail(report) },
    });
    const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
    process.stdout.write(json ? `${JSON.stringify(report)}\n` : renderReport(report));
    if (earlier)
      process.stderr.write(`Note: package ${report.packageId} was received before, at ${earlier}.\n`);
  });
}

export function registerShareImport(share: Command): void {
  share
    .command('import')
    .description("verify a partner's package and find which of your parties match its members")
    .argument('<file>', 'the package')
    .requiredOption('--trust <file>', "the sender's public key (PEM, from their `share whoami`)")
    .option('--key-file <file>', 'the key agreed with the sender (else RINGSCOPE_SHARE_KEY)')
    .option('--min-confidence <x>', 'lowest match confidence reported (0–1)', '0.5')
    .action(runImport);
}
