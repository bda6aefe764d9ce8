import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseConfig } from '../src/index.js';

/** Docker cannot run where the tests run: the manifests are parsed and checked for what deploying needs. */
const deploy = fileURLToPath(new URL('../../../deploy/', import.meta.url));
const read = (path: string): string => readFileSync(`${deploy}${path}`, 'utf8');

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Walks `a.b[0].c` in parsed YAML (a key with dots goes in brackets: `data["switchyard.yaml"]`). */
const at = (value: unknown, path: string): unknown => {
  let current = value;
  for (const [, key, quoted, index] of path.matchAll(/\.?(?:([^.[\]]+)|\["([^"]+)"\])(?:\[(\d+)\])?/g)) {
    if (!isNode(current)) throw new Error(`no ${path}`);
    current = current[key ?? quoted ?? ''];
    if (index !== undefined) {
      if (!Array.isArray(current)) throw new Error(`no ${path}`);
      current = current[Number(index)];
    }
  }
  return current;
};

const keysOf = (value: unknown): Array<string> => (isNode(value) ? Object.keys(value) : []);

const documents = (path: string): Array<unknown> =>
  parseAllDocuments(read(path)).map((document) => {
    expect(document.errors, `${path} parses`).toEqual([]);
    return document.toJS();
  });

const kubernetes = readdirSync(`${deploy}kubernetes`)
  .filter((name) => name.endsWith('.yaml'))
  .flatMap((name) => documents(`kubernetes/${name}`));
const byKind = (kind: string): Node => {
  const found = kubernetes.find((document) => isNode(document) && document.kind === kind);
  if (!isNode(found)) throw new Error(`no ${kind} manifest`);
  return found;
};

/** Secrets for the sample config, as the Secret or .env would provide them. */
const env = {
  REDIS_URL: 'redis://redis:6379',
  DATABASE_URL: 'postgres://switchyard:pw@postgres:5432/switchyard',
  OPENAI_API_KEY: 'sk-x',
  ANTHROPIC_API_KEY: 'sk-ant-x',
};

describe('deploy/', () => {
  it('the sample config validates, and the ConfigMap carries the same text', () => {
    const config = parseConfig(
      { text: read('config/switchyard.yaml'), file: 'deploy/config/switchyard.yaml' },
      { env },
    );
    expect(config.storage).toEqual({ redis_url: env.REDIS_URL, database_url: env.DATABASE_URL });
    expect(config.warnings).toEqual([]);
    expect(at(byKind('ConfigMap'), 'data["switchyard.yaml"]')).toBe(read('config/switchyard.yaml'));
  });

  it('Dockerfile: multi-stage, non-root, with a healthcheck and the switchyard bin', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/health/m);
    expect(dockerfile).toContain('ENTRYPOINT ["node", "/app/node_modules/@switchyard/server/dist/cli.js"]');
    expect(dockerfile).toContain('CMD ["serve", "--config", "/etc/switchyard/switchyard.yaml"]');
    expect(read('Dockerfile.dockerignore')).toContain('**/node_modules');
  });

  it('docker-compose.yml: the gateway with Redis and PostgreSQL, health-gated', () => {
    const [compose] = documents('docker-compose.yml');
    expect(keysOf(at(compose, 'services'))).toEqual(['gateway', 'redis', 'postgres']);
    expect(at(compose, 'services.gateway.depends_on')).toEqual({
      redis: { condition: 'service_healthy' },
      postgres: { condition: 'service_healthy' },
    });
    expect(at(compose, 'services.gateway.environment')).toMatchObject({
      REDIS_URL: 'redis://redis:6379',
      DATABASE_URL: expect.stringMatching(/^postgres:\/\/switchyard:.*@postgres:5432\/switchyard$/),
    });
    expect(at(compose, 'services.gateway.deploy.replicas')).toBe(3);
    expect(at(compose, 'services.redis.healthcheck.test')).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(at(compose, 'services.postgres.image')).toBe('postgres:16-alpine');
  });

  it('Kubernetes: 3 replicas, probes on /health and /ready, limits, non-root, secrets from the Secret', () => {
    const deployment = byKind('Deployment');
    expect(at(deployment, 'spec.replicas')).toBe(3);
    const container = at(deployment, 'spec.template.spec.containers[0]');
    expect(at(container, 'livenessProbe.httpGet.path')).toBe('/health');
    expect(at(container, 'readinessProbe.httpGet.path')).toBe('/ready');
    expect(at(container, 'ports[0].containerPort')).toBe(8787);
    expect(at(container, 'resources.limits')).toEqual({ cpu: '1', memory: '2Gi' });
    expect(at(container, 'resources.requests')).toBeDefined();
    expect(at(deployment, 'spec.template.spec.securityContext.runAsNonRoot')).toBe(true);
    expect(at(container, 'securityContext.readOnlyRootFilesystem')).toBe(true);
    expect(at(deployment, 'spec.template.spec.terminationGracePeriodSeconds')).toBeGreaterThan(25 + 5);

    const secret = byKind('Secret');
    expect(at(container, 'envFrom[0].secretRef.name')).toBe(at(secret, 'metadata.name'));
    const secretKeys = keysOf(at(secret, 'stringData'));
    for (const name of [
      'SWITCHYARD_API_KEYS',
      'SWITCHYARD_ADMIN_KEY',
      'REDIS_URL',
      'DATABASE_URL',
      ...Object.keys(env),
    ]) {
      expect(secretKeys).toContain(name);
    }
    expect(at(deployment, 'spec.template.spec.volumes[0].configMap.name')).toBe(
      at(byKind('ConfigMap'), 'metadata.name'),
    );

    const service = byKind('Service');
    expect(at(service, 'spec.selector')).toEqual(at(deployment, 'spec.template.metadata.labels'));
    expect(at(service, 'spec.ports[0].targetPort')).toBe(at(container, 'ports[0].name'));
    expect(at(byKind('PodDisruptionBudget'), 'spec.minAvailable')).toBe(2);
    const listed = at(byKind('Kustomization'), 'resources');
    const files = readdirSync(`${deploy}kubernetes`).filter(
      (name) => name.endsWith('.yaml') && name !== 'kustomization.yaml' && name !== 'secret.yaml',
    );
    expect(Array.isArray(listed) ? [...listed].sort() : listed).toEqual(files.sort());
  });
});
