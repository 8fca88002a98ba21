/** Types of bin/node-version.js (plain JavaScript, run before tsx is loaded). */
export function requiredNodeRange(): string;
export function satisfiesNode(version: string, range: string): boolean;
export function describeNodeRange(range: string): string;
export function checkNodeVersion(current?: string, range?: string): { ok: true } | { ok: false; message: string };
export function assertNodeVersion(): void;
