// The risk model the server scores with: its model card, and reloading RINGSCOPE_RISK_MODEL's
// file without a restart (validated first: a bad file leaves the model in use and says why).
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
  handler: ({ services }) => ({ json: services.riskModel.card() }),
});

const reload = defineRoute({
  method: 'post',
  path: '/api/risk/model/reload',
  summary:
    'Read RINGSCOPE_RISK_MODEL’s file again and score with it from now on (400 invalid_model with the reason, the model in use kept; 409 when none is configured)',
  tag: 'risk',
  policy: ADMIN,
  response: RiskModelReloadAnswer,
  handler: ({ services }) => ({ json: services.riskModel.reload() }),
  audit: {
    action: 'risk_model_reload',
    target: (_ctx, out) => out.json.model.content_hash,
    detail: (_ctx, out) => ({ previous: out.json.previous, createdAt: out.json.model.created_at }),
  },
});

export const riskModelRoutes = (): Route[] => [card, reload];
