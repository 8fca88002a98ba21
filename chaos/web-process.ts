/**
 * The web server alone, as a process the chaos run can SIGKILL and start again: the endpoints
 * come as JSON in CHAOS_ENDPOINTS, the port in CHAOS_WEB_PORT. Prints "listening" when ready.
 */
import type { Endpoints } from '../infra/config.js';
import { temporalGateway } from '../infra/campaign-gateway.js';
import { S3ObjectStore } from '../infra/s3.js';
import { createApp } from '../web/app.js';
import { startWebServer } from '../web/server.js';

const endpoints = JSON.parse(process.env.CHAOS_ENDPOINTS ?? '{}') as Endpoints;
const port = Number(process.env.CHAOS_WEB_PORT);
const gateway = temporalGateway(endpoints);
await startWebServer(createApp({ endpoints, store: S3ObjectStore.fromSettings(endpoints.s3), campaigns: gateway }), '127.0.0.1', port);
process.stdout.write(`listening on ${port}\n`);
