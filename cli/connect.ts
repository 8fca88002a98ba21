/** A Temporal client for CLI commands, from the same configuration `npm start` uses. */
import { Client, type Connection } from '@temporalio/client';
import { endpointsFromConfig, loadConfig, type Endpoints } from '../infra/config.js';
import { resolveApprovalSecret } from '../infra/secret.js';
import { connectTemporal } from '../infra/temporal-connection.js';
import { CliError } from './command.js';

export async function withClient<T>(fn: (client: Client, endpoints: Endpoints) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const endpoints = endpointsFromConfig(config, resolveApprovalSecret(config));
  let connection: Connection;
  try {
    connection = await connectTemporal(endpoints, { connectTimeout: 5_000 });
  } catch (err) {
    throw new CliError(`Không kết nối được Temporal tại ${endpoints.temporalAddress}: ${(err as Error).message}\nHãy chạy \`npm start\` (hoặc đặt TEMPORAL_ADDRESS).`, 1);
  }
  try {
    return await fn(new Client({ connection, namespace: endpoints.temporalNamespace }), endpoints);
  } finally {
    await connection.close();
  }
}
