/**
 * The one place that turns the configuration into Temporal connection options: the address
 * plus TLS (mTLS client certificate pair, CA, server name) and the API key of Temporal Cloud.
 * Every client connection (web, CLI, health checks, report evidence, bench, chaos) and the
 * worker's native connection go through here, so a setting added to the configuration reaches
 * all of them. Only connections to the product's own embedded servers (loopback, no TLS) dial
 * the address directly.
 */
import { readFileSync } from 'node:fs';
import { Connection, type ConnectionOptions } from '@temporalio/client';
import type { Endpoints, TemporalSecurity } from './config.js';

/** What a connection needs to know: the address and, for an external Temporal, its security. */
export type TemporalTarget = Pick<Endpoints, 'temporalAddress'> & { temporalSecurity?: TemporalSecurity };

/**
 * Options for `Connection.connect` and the worker's `NativeConnection.connect` (which takes the
 * same shape; worker/create-worker.ts, kept there so the web and CLI never load the worker's
 * native module). The certificate files are read now.
 */
export function temporalConnectionOptions(target: TemporalTarget): { address: string; tls?: NonNullable<ConnectionOptions['tls']>; apiKey?: string } {
  const security = target.temporalSecurity;
  const tls = security?.tls;
  return {
    address: target.temporalAddress,
    ...(tls
      ? {
          tls: {
            ...(tls.serverName ? { serverNameOverride: tls.serverName } : {}),
            ...(tls.caFile ? { serverRootCACertificate: readFileSync(tls.caFile) } : {}),
            ...(tls.certFile && tls.keyFile ? { clientCertPair: { crt: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) } } : {}),
          },
        }
      : {}),
    ...(security?.apiKey ? { apiKey: security.apiKey } : {}),
  };
}

/** A client connection (web server, CLI, health, bench). */
export function connectTemporal(target: TemporalTarget, extra: { connectTimeout?: number } = {}): Promise<Connection> {
  return Connection.connect({ ...temporalConnectionOptions(target), ...extra });
}
