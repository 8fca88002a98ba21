/**
 * The Temporal server itself (not the CLI's dev server) and its SQL schema tool, built from
 * the Go module proxy like the other embedded binaries (see go-tool.ts) and cached under
 * ~/.cache/campaign-ops/temporal-server/<version>/. Used by `npm run start:cluster`.
 */
import { resolveGoTool, type GoTool, type ResolvedGoTool } from './go-tool.js';

export const TEMPORAL_SERVER_VERSION = 'v1.32.2';
/** The Go toolchain the server release needs (fetched by `go` itself through GOTOOLCHAIN). */
export const TEMPORAL_SERVER_TOOLCHAIN = 'go1.27.3';

export const TEMPORAL_SERVER_TOOL: GoTool = {
  label: 'Temporal Server',
  envVar: 'TEMPORAL_SERVER',
  module: 'go.temporal.io/server/cmd/server',
  version: TEMPORAL_SERVER_VERSION,
  binary: 'server',
  cacheName: 'temporal-server',
  buildEnv: { GOTOOLCHAIN: TEMPORAL_SERVER_TOOLCHAIN },
  pathName: 'temporal-server',
};

export const TEMPORAL_SQL_TOOL: GoTool = {
  label: 'Temporal SQL schema tool',
  envVar: 'TEMPORAL_SQL_TOOL',
  module: 'go.temporal.io/server/cmd/tools/sql',
  version: TEMPORAL_SERVER_VERSION,
  binary: 'sql',
  cacheName: 'temporal-server',
  buildEnv: { GOTOOLCHAIN: TEMPORAL_SERVER_TOOLCHAIN },
  pathName: 'temporal-sql-tool',
};

async function resolveOrThrow(tool: GoTool, configured: string | undefined, log: (line: string) => void): Promise<ResolvedGoTool> {
  const found = await resolveGoTool(tool, { configured, log });
  if ('path' in found) return found;
  throw new Error(`Không có ${tool.label} ${tool.version}: ${found.problems.join(' ')} Đặt ${tool.envVar} trỏ tới tệp đã dựng, hoặc cài Go.`);
}

/** The server and the schema tool: TEMPORAL_SERVER / TEMPORAL_SQL_TOOL, PATH, cache, `go install`. */
export async function resolveTemporalServerTools(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<{ server: ResolvedGoTool; sql: ResolvedGoTool }> {
  const server = await resolveOrThrow(TEMPORAL_SERVER_TOOL, env.TEMPORAL_SERVER || undefined, log);
  const sql = await resolveOrThrow(TEMPORAL_SQL_TOOL, env.TEMPORAL_SQL_TOOL || undefined, log);
  return { server, sql };
}
