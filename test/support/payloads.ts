/** Payload sizes in a workflow history (no protobuf import: usable from the bench under plain tsx). */

/** The largest single payload (bytes of `data`) anywhere in a history. */
export function largestPayload(history: unknown): number {
  let max = 0;
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (v instanceof Uint8Array) return;
    const o = v as Record<string, unknown>;
    if (o.data instanceof Uint8Array && 'metadata' in o) max = Math.max(max, o.data.length);
    for (const child of Object.values(o)) walk(child);
  };
  walk(history);
  return max;
}
