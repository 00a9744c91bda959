// The shapes the Ringscope API speaks, one zod schema each, shared by the server (validation and
// the OpenAPI document), the explorer (validation of what it receives) and the tests.
export * from './cases.ts';
export * from './errors.ts';
export * from './graph.ts';
export * from './exports.ts';
export * from './investigations.ts';
export * from './jobs.ts';
export * from './leads.ts';
export * from './resolve.ts';
export * from './risk.ts';
export * from './roles.ts';
export * from './share.ts';
export * from './shipping-routes.ts';
export * from './trade.ts';
export * from './users.ts';
// The domain vocabulary the explorer draws with: labels, relationship types, node keys.
export { NodeLabel, RelType, Typology, nodeKey, parseNodeKey, relId } from '../model/index.ts';
export type { Indicator } from '../model/index.ts';
