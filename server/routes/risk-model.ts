// The risk model the server scores with: its model card, and reloading it (RINGSCOPE_RISK_MODEL's
// file, else the store's current model) without a restart (validated first: a bad model leaves
// the model in use and says why).
import { RiskModelCard, RiskModelReloadAnswer } from '../../src/api/risk-model.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { ADMIN, CASE_READERS } from '../policies.ts';

const card = defineRoute({
  method: 'get',
  path: '/api/risk/model',
  summary:
    'The risk model in use: content hash, date, features, lane thresholds and budget, held-out metrics, training data (409 no_model when none is loaded)',
  tag: 'risk',
  policy: CASE_READERS,
  response: RiskModelCard,
  handler: async ({ services }) => ({ json: await services.riskModel.card() }),
});

const reload = defineRoute({
  method: 'post',
  path: '/api/risk/model/reload',
  summary:
    'Read the model again (RINGSCOPE_RISK_MODEL’s file, else the store’s current model) and score with it from now on (400 invalid_model with the reason, the model in use kept; 409 no_model when the store keeps none)',
  tag: 'risk',
  policy: ADMIN,
  response: RiskModelReloadAnswer,
  handler: async ({ services }) => ({ json: await services.riskModel.reload() }),
  audit: {
    action: 'risk_model_reload',
    target: (_ctx, out) => out.json.model.content_hash,
    detail: (_ctx, out) => ({
      previous: out.json.previous,
      createdAt: out.json.model.created_at,
      source: out.json.model.source.kind,
    }),
  },
});

export const riskModelRoutes = (): Route[] => [card, reload];
