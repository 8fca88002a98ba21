import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clusterConfigYaml, clusterPorts, DEFAULT_CLUSTER_PORTS } from '../../../infra/temporal-cluster.js';

describe('the Temporal cluster configuration', () => {
  it('keeps Temporal’s usual ports for a frontend on 7233, and shifts them all with the frontend', () => {
    expect(clusterPorts(7233)).toEqual(DEFAULT_CLUSTER_PORTS);
    const moved = clusterPorts(27233);
    expect(moved.history).toBe(27234);
    expect(moved.workerMembership).toBe(26939);
    expect(new Set(Object.values(moved)).size).toBe(Object.keys(moved).length);
  });

  it('puts history and visibility on the private PostgreSQL and every service on loopback', () => {
    const yaml = parse(clusterConfigYaml({ ports: clusterPorts(27233, { history: 30001 }), postgresPort: 25433, dynamicConfigFile: '/data/dynamicconfig.yaml' }));
    const stores = yaml.persistence.datastores;
    expect(stores[yaml.persistence.defaultStore].sql).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal', connectAddr: '127.0.0.1:25433' });
    expect(stores[yaml.persistence.visibilityStore].sql).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal_visibility', connectAddr: '127.0.0.1:25433' });
    for (const s of Object.values(yaml.services) as { rpc: { bindOnIP: string } }[]) expect(s.rpc.bindOnIP).toBe('127.0.0.1');
    expect(yaml.services.history.rpc.grpcPort).toBe(30001);
    expect(yaml.services.frontend.rpc.grpcPort).toBe(27233);
    expect(yaml.clusterMetadata.clusterInformation.active.rpcAddress).toBe('127.0.0.1:27233');
    expect(yaml.dynamicConfigClient.filepath).toBe('/data/dynamicconfig.yaml');
  });
});
