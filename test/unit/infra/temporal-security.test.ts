/**
 * TLS and API key for an external Temporal (Temporal Cloud, a Kubernetes cluster with mTLS):
 * one validated configuration, errors in Vietnamese that name the variable, and the options
 * every connection is made with.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointsFromConfig, formatProblems, parseConfig } from '../../../infra/config.js';
import { temporalConnectionOptions } from '../../../infra/temporal-connection.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'temporal-tls-'));
const pem = (name: string, kind: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, `-----BEGIN ${kind}-----\nTUlJQ${name}\n-----END ${kind}-----\n`);
  return file;
};
const CERT = pem('client.pem', 'CERTIFICATE');
const KEY = pem('client.key', 'PRIVATE KEY');
const CA = pem('ca.pem', 'CERTIFICATE');
const ADDRESS = 'ubnd-bac-kan.a1b2c.tmprl.cloud:7233';

function problems(env: Record<string, string>) {
  const r = parseConfig(env);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

function options(env: Record<string, string>) {
  const r = parseConfig(env);
  if (!r.ok) throw new Error(formatProblems(r.problems));
  return temporalConnectionOptions(endpointsFromConfig(r.config, 's'.repeat(32)));
}

describe('Temporal connection security', () => {
  it('connects in plain text when nothing is set (the embedded dev server, a loopback cluster)', () => {
    expect(options({})).toEqual({ address: '127.0.0.1:7233' });
    expect(options({ TEMPORAL_ADDRESS: '10.0.0.5:7233' })).toEqual({ address: '10.0.0.5:7233' });
  });

  it('an API key (Temporal Cloud) turns TLS on and is sent with every connection', () => {
    expect(options({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_NAMESPACE: 'ubnd-bac-kan.a1b2c', TEMPORAL_API_KEY: 'eyJhbGciOi.khoa-api' })).toEqual({
      address: ADDRESS,
      tls: {},
      apiKey: 'eyJhbGciOi.khoa-api',
    });
  });

  it('mTLS: the client certificate pair, the CA and the server name are read from their files', () => {
    const o = options({ TEMPORAL_ADDRESS: 'temporal-frontend.temporal.svc:7233', TEMPORAL_TLS_CERT: CERT, TEMPORAL_TLS_KEY: KEY, TEMPORAL_TLS_CA: CA, TEMPORAL_TLS_SERVER_NAME: 'temporal.tinh.gov.vn' });
    expect(o.address).toBe('temporal-frontend.temporal.svc:7233');
    expect(o.tls).toMatchObject({ serverNameOverride: 'temporal.tinh.gov.vn' });
    const tls = o.tls as { clientCertPair: { crt: Buffer; key: Buffer }; serverRootCACertificate: Buffer };
    expect(tls.clientCertPair.crt.toString()).toContain('BEGIN CERTIFICATE');
    expect(tls.clientCertPair.key.toString()).toContain('BEGIN PRIVATE KEY');
    expect(tls.serverRootCACertificate.toString()).toContain('TUlJQca.pem');
    expect(o.apiKey).toBeUndefined();
  });

  it('TEMPORAL_TLS=true alone: TLS with the system’s trusted CAs', () => {
    expect(options({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_TLS: 'true' })).toEqual({ address: ADDRESS, tls: {} });
  });

  it('a certificate without its key, or a key without its certificate, names the missing variable', () => {
    expect(problems({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_TLS_CERT: CERT })).toEqual([
      { variable: 'TEMPORAL_TLS_KEY', message: 'thiếu: đã có chứng chỉ máy khách TEMPORAL_TLS_CERT thì phải có khóa riêng đi kèm (mTLS cần cả hai)' },
    ]);
    expect(problems({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_TLS_KEY: KEY }).map((p) => p.variable)).toEqual(['TEMPORAL_TLS_CERT']);
  });

  it('an unreadable or non-PEM file is reported with the variable and the path', () => {
    const missing = path.join(dir, 'khong-co.pem');
    const folder = path.join(dir, 'thu-muc.pem');
    mkdirSync(folder);
    const notPem = path.join(dir, 'client.der');
    writeFileSync(notPem, Buffer.from([0x30, 0x82, 0x01, 0x0a]));
    const found = problems({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_TLS_CERT: missing, TEMPORAL_TLS_KEY: notPem, TEMPORAL_TLS_CA: folder });
    expect(found).toEqual([
      { variable: 'TEMPORAL_TLS_CERT', value: missing, message: `không đọc được chứng chỉ máy khách tại ${missing} (không có tệp này)` },
      { variable: 'TEMPORAL_TLS_KEY', value: notPem, message: `tệp ${notPem} không phải khóa riêng dạng PEM (không có dòng "-----BEGIN …-----")` },
      { variable: 'TEMPORAL_TLS_CA', value: folder, message: `không đọc được chứng chỉ CA tại ${folder} (đây là thư mục, không phải tệp)` },
    ]);
  });

  it('TLS or an API key without TEMPORAL_ADDRESS is refused: the embedded dev server has neither', () => {
    expect(problems({ TEMPORAL_API_KEY: 'khoa' })).toEqual([
      { variable: 'TEMPORAL_API_KEY', message: 'chỉ dùng khi kết nối tới máy chủ Temporal bên ngoài: hãy đặt cả TEMPORAL_ADDRESS (máy chủ dev nhúng không dùng TLS hay khóa API)' },
    ]);
    expect(problems({ TEMPORAL_TLS: 'true' }).map((p) => p.variable)).toEqual(['TEMPORAL_TLS']);
  });

  it('contradictions and bad values are named, and the API key is never printed', () => {
    expect(problems({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_TLS: 'false', TEMPORAL_TLS_CERT: CERT, TEMPORAL_TLS_KEY: KEY }).map((p) => p.variable)).toEqual(['TEMPORAL_TLS']);
    expect(problems({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_TLS: 'co' })).toEqual([{ variable: 'TEMPORAL_TLS', value: 'co', message: 'phải là true hoặc false' }]);
    const key = problems({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_API_KEY: 'bi-mat khoa' });
    expect(key.map((p) => p.variable)).toEqual(['TEMPORAL_API_KEY']);
    expect(formatProblems(key)).not.toContain('bi-mat');
  });
});
