// Every API route, in one list: the app mounts it, the OpenAPI document and the role-matrix test
// are generated from it.
import type { Config } from '../config.ts';
import type { Route } from '../http/route.ts';
import { adminRoutes } from './admin.ts';
import { authRoutes } from './auth.ts';
import { caseRoutes } from './cases.ts';
import { exportRoutes } from './exports.ts';
import { graphRoutes } from './graph.ts';
import { investigationRoutes } from './investigations.ts';
import { jobRoutes } from './jobs.ts';
import { liveRoutes } from './live.ts';
import { leadRoutes } from './leads.ts';
import { resolveRoutes } from './resolve.ts';
import { ringRoutes } from './rings.ts';
import { riskRoutes } from './risk.ts';
import { riskModelRoutes } from './risk-model.ts';
import { shareRoutes } from './share.ts';
import { tradeRoutes } from './trade.ts';
import { shippingRouteRoutes } from './shipping-routes.ts';

export function allRoutes(config: Config): Route[] {
  return [
    ...authRoutes(config),
    ...graphRoutes(),
    ...tradeRoutes(),
    ...shippingRouteRoutes(),
    ...ringRoutes(),
    ...leadRoutes(),
    ...resolveRoutes(),
    ...caseRoutes(),
    ...investigationRoutes(),
    ...exportRoutes(),
    ...jobRoutes(),
    ...riskRoutes(),
    ...liveRoutes(),
    ...riskModelRoutes(),
    ...adminRoutes(),
    ...shareRoutes(),
  ];
}
