/** A Temporal client for CLI commands, from the same configuration `npm start` uses. */
import { Client, Connection } from '@temporalio/client';
import { endpointsFromConfig, loadConfig, type Endpoints } from '../infra/config.js';
import { resolveApprovalSecret } from '../infra/secret.js';
import { CliError } from './command.js';

export async function withClient<T>(fn: (client: Client, endpoints: Endpoints) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const endpoints = endpointsFromConfig(config, resolveApprovalSecret(config));
  let connection: Connection;
  try {
    connection = await Connection.connect({ address: endpoints.temporalAddress, connectTimeout: 5_000 });
  } catch (err) {
    throw new CliError(`Không kết nối được Temporal tại ${endpoints.temporalAddress}: ${(err as Error).message}\nHãy chạy \`npm start\` (hoặc đặt TEMPORAL_ADDRESS).`, 1);
  }
  try {
    return await fn(new Client({ connection, namespace: endpoints.temporalNamespace }), endpoints);
  } finally {
    await connection.close();
  }
}
