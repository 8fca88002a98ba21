/**
 * Schedules a plan implies (bulletins, occasion campaigns, periodic reports), their inputs and
 * fingerprints, and the pure helpers their workflows use. Importable from workflows.
 */
export * from './types.js';
export * from './fingerprint.js';
export * from './bulletin.js';
export * from './occasion.js';
export * from './report.js';
export * from './desired.js';
