// The shapes of the API's answers, validated at the boundary so that a mismatch with the server
// shows as a clear error instead of a broken canvas. Every schema is the server's own, from the
// shared API module (src/api): the explorer declares none of its own.
import type { z } from 'zod';
import {
  NodeDetailAnswer,
  RingDetailAnswer,
  SubgraphAnswer,
  type SearchHit,
  type ShipmentPoint,
  type SignedInUser,
} from '../../../src/api/index.ts';

export {
  ApiEdge,
  ApiNode,
  CASE_STATUSES,
  CaseAnswer,
  CaseDetail,
  CaseStatus,
  CasesAnswer,
  CaseSummary,
  CaseVisibility,
  ErrorBody,
  Job,
  JobAnswer,
  JobFailure,
  JobProgress,
  PathsAnswer,
  RingsAnswer,
  RingSummary,
  RowProblem,
  SearchAnswer,
  SignedInAnswer,
  UserAnswer,
} from '../../../src/api/index.ts';
export const NodeDetail = NodeDetailAnswer;
export const Subgraph = SubgraphAnswer;
export const RingDetail = RingDetailAnswer;

export type User = SignedInUser;
export type Role = User['role'];
export type { SearchHit };
export type SeriesPoint = ShipmentPoint;
export type NodeDetail = z.infer<typeof NodeDetailAnswer>;
export type Subgraph = z.infer<typeof SubgraphAnswer>;
export type RingDetail = z.infer<typeof RingDetailAnswer>;

// Real-time risk: the live lane, alerts, the watch list and inspection results.
export {
  Alert,
  AlertsAnswer,
  LiveAnswer,
  LiveDeclaration,
  PartyKey,
  WatchEntry,
  WatchListAnswer,
} from '../../../src/api/alerts.ts';
export { Lead, LeadsAnswer } from '../../../src/api/leads.ts';
export { ResolveCandidate, ResolveCandidatesAnswer, ResolveReviewAnswer } from '../../../src/api/resolve.ts';
export { Inspection, InspectionsAnswer, Lane } from '../../../src/api/risk.ts';

// The route map.
export { ShippingRoutesAnswer } from '../../../src/api/shipping-routes.ts';
export type { ShippingRoute } from '../../../src/api/shipping-routes.ts';

// Trade links and paged neighbours.
export { NeighboursAnswer, TradeLinkLinesAnswer, TradeLinksAnswer } from '../../../src/api/trade.ts';
export type {
  NeighboursAnswer as Neighbours,
  TradeLinkLinesAnswer as TradeLinkLines,
  TradeLinksAnswer as TradeLinks,
} from '../../../src/api/trade.ts';
