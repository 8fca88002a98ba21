/** The directory of units: schemas, checks, what campaigns reach, access, search, import. */
export * from './schema.js';
export * from './validate.js';
export * from './audience.js';
export * from './access.js';
export * from './search.js';
export * from './sample.js';
export * from './import.js';
export * from './table.js';
