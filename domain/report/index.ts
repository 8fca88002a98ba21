/** The periodic report: requests, periods, evidence and the compiled model. Pure. */
export * from './request.js';
export * from './period.js';
export * from './evidence.js';
export * from './header.js';
export * from './compile.js';
