// The domain model: zod schemas are the single source of the types they validate.
export * from './labels.ts';
export * from './graph.ts';
export * from './shipment.ts';
export * from './findings.ts';
export * from './identifiers.ts';
export * from './row-problem.ts';
export * from './text.ts';
export * from './resolution.ts';
