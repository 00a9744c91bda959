// Roles and route policies. Every route declares one policy; the role matrix test enumerates
// every route × role against these declarations. The lists live with the API shapes, so the
// explorer asks the same question the server answers.
export {
  ADMIN,
  ALERT_HANDLERS,
  CASE_READERS,
  CASE_WRITERS,
  DECLARATION_WRITERS,
  ENFORCEMENT,
  INSPECTION_WRITERS,
  RESOLUTION_REVIEWERS,
  ROLES,
  SHARE_EXPORTERS,
  SHARE_IMPORTERS,
  Role,
  WATCHLIST_WRITERS,
  allows,
  type Policy,
} from '../src/api/roles.ts';
