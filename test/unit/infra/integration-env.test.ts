import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../infra/config.js';
import { integrationEnv } from '../../integration/global-setup.js';

const ports = [17233, 18233, 14569, 11025, 11080, 13000];

describe('the integration suite’s configuration', () => {
  it('starts every embedded service on the free ports when nothing external is named', () => {
    const parsed = parseConfig(integrationEnv({}, '/tmp/it', ports));
    expect(parsed.ok && parsed.config.temporal.address).toBeUndefined();
    expect(parsed.ok && parsed.config.temporal.port).toBe(17233);
    expect(parsed.ok && parsed.config.s3.endpoint).toBeUndefined();
  });

  it('uses the Temporal cluster TEMPORAL_ADDRESS names, in its namespace, instead of the dev server', () => {
    const parsed = parseConfig(integrationEnv({ TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'campaign-ops' }, '/tmp/it', ports));
    expect(parsed.ok && parsed.config.temporal.address).toBe('127.0.0.1:7233');
    expect(parsed.ok && parsed.config.temporal.namespace).toBe('campaign-ops');
  });

  it('passes the S3 keys only together with S3_ENDPOINT', () => {
    expect(integrationEnv({ S3_ACCESS_KEY_ID: 'k' }, '/tmp/it', ports).S3_ACCESS_KEY_ID).toBeUndefined();
    expect(integrationEnv({ S3_ENDPOINT: 'http://s3.example.org', S3_ACCESS_KEY_ID: 'k' }, '/tmp/it', ports).S3_ACCESS_KEY_ID).toBe('k');
  });
});
