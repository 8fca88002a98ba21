/**
 * Plans: schema, parsing with problems by line, and wording helpers. Pure, importable from
 * workflows.
 */
export * from './schema.js';
export * from './parse.js';
export * from './describe.js';
export * from './bounds.js';
