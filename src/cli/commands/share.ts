// `ringscope share export|import|whoami`: rings shared with a partner administration as signed
// packages of keyed encodings (src/share, docs/sharing.md). The key agreed with the partner comes
// from --key-file or RINGSCOPE_SHARE_KEY; the signing key pair lives beside the store. What is
// sent and received is written to the audit trail of the app database (`share_export`,
// `share_import`), as `ringscope user` writes its changes.
import type { Command } from 'commander';
import { z } from 'zod';
import { InputError } from '../../ingest/errors.ts';
import { exportShare, type Selection } from '../../share/index.ts';
import { fingerprint, publicKeyPem } from '../../share/signing.ts';
import { writeOutput } from '../output.ts';
import { agreedKeyFrom, auditShare, caseSelection, parseExpiry, signingKeyFor } from './share-common.ts';
import { registerShareImport } from './share-import.ts';
import { globalOptions, withStore } from './store-options.ts';

const ExportOptions = z.object({
  ring: z.string().min(1).optional(),
  suspects: z.boolean().optional(),
  case: z.string().min(1).optional(),
  minScore: z.coerce.number().min(0).max(1).default(0.5),
  partner: z.string().trim().min(1).max(200),
  purpose: z.string().trim().min(1).max(2000),
  handling: z.string().regex(/^[A-Za-z0-9:_. -]{1,40}$/, 'letters, digits and : _ . - only, up to 40'),
  expires: z.string(),
  out: z.string().min(1),
  keyFile: z.string().min(1).optional(),
  sender: z.string().trim().min(1).max(200).optional(),
  signingKey: z.string().min(1).optional(),
});

type ParsedExport = z.infer<typeof ExportOptions> & { selection: Selection };

function parseExport(raw: Record<string, unknown>, command: Command): ParsedExport {
  const parsed = ExportOptions.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new InputError(`invalid --${flag}: ${issue?.message}`, []);
  }
  const o = parsed.data;
  const chosen = [o.ring !== undefined, o.suspects === true, o.case !== undefined].filter(Boolean).length;
  if (chosen !== 1)
    throw new InputError('give one of --ring ID, --suspects (with --min-score X) or --case ID', []);
  if (o.case !== undefined) return { ...o, selection: caseSelection(command, o.case) };
  return { ...o, selection: o.ring !== undefined ? { ring: o.ring } : { suspectsMinScore: o.minScore } };
}

async function runExport(raw: Record<string, unknown>, command: Command): Promise<void> {
  const o = parseExport(raw, command);
  const key = agreedKeyFrom(o.keyFile);
  const signing = signingKeyFor(command, o.signingKey);
  const now = new Date();
  await withStore(globalOptions(command), async (store) => {
    const shared = await exportShare(store, o.selection, {
      agreedKey: key,
      signing,
      sender: o.sender ?? `Ringscope ${fingerprint(signing.publicKey)}`,
      partner: o.partner,
      purpose: o.purpose,
      handling: o.handling,
      expiresAt: parseExpiry(o.expires),
      now,
    });
    await writeOutput(shared.text, o.out);
    const { pkg } = shared;
    auditShare(command, {
      action: 'share_export',
      target: pkg.id,
      detail: {
        partner: pkg.partner,
        purpose: pkg.purpose,
        handling: pkg.handling,
        expiresAt: pkg.expiresAt,
        selection:
          o.ring !== undefined ? `ring ${o.ring}` : o.case !== undefined ? `case ${o.case}` : pkg.selection,
        rings: pkg.rings.length,
        members: pkg.members.length,
        sha256: shared.sha256,
      },
    });
    if (globalOptions(command).json) {
      const { id, partner, expiresAt } = pkg;
      const counts = { rings: pkg.rings.length, members: pkg.members.length };
      process.stdout.write(
        `${JSON.stringify({ id, partner, expiresAt, ...counts, file: o.out, sha256: shared.sha256 })}\n`,
      );
      return;
    }
    process.stdout.write(
      `Package ${pkg.id} for ${pkg.partner}: ${pkg.rings.length} ring(s), ${pkg.members.length} member(s), expires ${pkg.expiresAt}, written to ${o.out} (SHA-256 ${shared.sha256}).\n`,
    );
  });
}

function registerExport(share: Command): void {
  share
    .command('export')
    .description('a signed package of keyed encodings of a ring (the suspects, a case) for one partner')
    .option('--ring <id>', 'the ring to share')
    .option('--suspects', 'share every ring with a member scoring at least --min-score')
    .option('--min-score <x>', 'with --suspects: lowest party score (0–1)', '0.5')
    .option('--case <id>', "share a case's entities (and the rings that hold them)")
    .requiredOption('--partner <name>', 'the administration the package is for')
    .requiredOption('--purpose <text>', 'why it is shared (stated in the package)')
    .requiredOption('--handling <code>', 'handling code, e.g. TLP:AMBER')
    .requiredOption('--expires <date>', 'last day the partner may use it (YYYY-MM-DD, UTC)')
    .requiredOption('--out <file>', 'where to write the package')
    .option('--key-file <file>', 'the key agreed with the partner (else RINGSCOPE_SHARE_KEY)')
    .option('--sender <name>', 'who sends it (default: the signing key fingerprint)')
    .option(
      '--signing-key <file>',
      'Ed25519 private key (PEM); default: beside the store, created on first use',
    )
    .action(runExport);
}

export function register(program: Command): void {
  const share = program
    .command('share')
    .description('share rings with a partner administration, no raw data');
  registerExport(share);
  registerShareImport(share);
  share
    .command('whoami')
    .description('print the public signing key and its fingerprint, to hand to partners')
    .option(
      '--signing-key <file>',
      'Ed25519 private key (PEM); default: beside the store, created on first use',
    )
    .action((opts: { signingKey?: string }, command: Command) => {
      const signing = signingKeyFor(command, opts.signingKey);
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      const print = fingerprint(signing.publicKey);
      const pem = publicKeyPem(signing.publicKey);
      if (json)
        process.stdout.write(
          `${JSON.stringify({ fingerprint: print, publicKey: pem, keyFile: signing.file })}\n`,
        );
      else process.stdout.write(`${pem}Fingerprint: ${print}\n`);
      if (signing.created) process.stderr.write(`Created the signing key ${signing.file} (mode 0600).\n`);
    });
}
