// Sharing with a partner administration (docs/sharing.md): a signed package as a download, a
// partner's package matched against the store, and the server's signing public key. Both sides
// are audited: `share_export` names the package, partner, purpose, handling, expiry and the
// file's SHA-256; `share_import` the package, sender, signer and every match (or the refusal).
import { ShareExportRequest, ShareImportRequest, ShareReport, ShareWhoami } from '../../src/api/share.ts';
import { receivedAuditDetail } from '../../src/share/index.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { SHARE_EXPORTERS, SHARE_IMPORTERS } from '../policies.ts';

const exportPackage = defineRoute({
  method: 'post',
  path: '/api/share/export',
  summary:
    'A signed package of keyed encodings of a ring, a case or chosen suspects, for one configured partner',
  tag: 'share',
  policy: SHARE_EXPORTERS,
  body: ShareExportRequest,
  produces: 'application/json',
  handler: ({ body, services, user }) => services.share.exportPackage(user, body),
  audit: {
    action: 'share_export',
    target: (_ctx, out) => out.packageId,
    detail: (_ctx, out) => out.facts,
  },
});

const importPackage = defineRoute({
  method: 'post',
  path: '/api/share/import',
  summary: "A partner's package verified against its keys; which of this store's parties match its members",
  tag: 'share',
  policy: SHARE_IMPORTERS,
  body: ShareImportRequest,
  response: ShareReport,
  handler: async ({ body, services, user, requestId }) => ({
    json: await services.share.importPackage(body, { username: user.username, requestId }),
  }),
  audit: {
    action: 'share_import',
    target: (_ctx, out) => out.json.packageId,
    detail: ({ body }, out) => ({
      partner: body.partner,
      ...receivedAuditDetail(out.json),
      receivedBefore: out.json.receivedBefore,
    }),
  },
});

const whoami = defineRoute({
  method: 'get',
  path: '/api/share/whoami',
  summary: "The server's signing public key and fingerprint (what partners trust), and its partners",
  tag: 'share',
  policy: 'user',
  response: ShareWhoami,
  handler: ({ services }) => ({ json: services.share.whoami() }),
});

export const shareRoutes = (): Route[] => [exportPackage, importPackage, whoami];
