import { createGateway } from '@switchyard/core';
import { mockProvider } from '@switchyard/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/start-test-server.js';

const GATEWAY_KEY = 'sk-gw-0123456789abcdef0123';
const ADMIN_KEY = 'admin-0123456789abcdef0123';

/**
 * Item 4 of issue #11: gateway keys never open the admin API. Every admin route the server registers is
 * found from the app itself, so a route added later is covered without changing this test.
 */
describe('admin endpoints', () => {
  let s: TestServer;
  let adminRoutes: Array<{ method: string; path: string }>;

  const call = (route: { method: string; path: string }, authorization?: string) =>
    fetch(`${s.url}${route.path.replaceAll(/:\w+/g, 'x')}`, {
      method: route.method,
      headers: {
        'content-type': 'application/json',
        ...(authorization === undefined ? {} : { authorization }),
      },
      ...(route.method === 'POST' ? { body: '{}' } : {}),
    });

  beforeAll(async () => {
    s = await startTestServer({
      gateway: createGateway({ providers: { mock: mockProvider() } }),
      apiKeys: [{ key: GATEWAY_KEY, id: 'team' }],
      adminKey: ADMIN_KEY,
      protectMetrics: true,
    });
    const unique = new Map(
      s.app.routes
        .filter((route) => route.path.startsWith('/v1/admin/') && route.method !== 'ALL')
        .map((route) => [`${route.method} ${route.path}`, { method: route.method, path: route.path }]),
    );
    adminRoutes = [...unique.values(), { method: 'GET', path: '/metrics' }];
  });
  afterAll(() => s.close());

  it('exist (the test covers every one of them)', () => {
    expect(adminRoutes.length).toBeGreaterThanOrEqual(14);
    expect(adminRoutes).toContainEqual({ method: 'GET', path: '/v1/admin/logs' });
    expect(adminRoutes).toContainEqual({ method: 'POST', path: '/v1/admin/cache/invalidate' });
  });

  it('refuse a gateway key with 403, and no key, a wrong key or a non-bearer scheme with 401', async () => {
    for (const route of adminRoutes) {
      const name = `${route.method} ${route.path}`;
      const gateway = await call(route, `Bearer ${GATEWAY_KEY}`);
      expect(gateway.status, name).toBe(403);
      expect(await gateway.json(), name).toMatchObject({
        error: { type: 'permission_error', code: 'gateway_key' },
      });
      expect((await call(route)).status, name).toBe(401);
      expect((await call(route, 'Bearer admin-0123456789abcdef0124')).status, name).toBe(401);
      expect((await call(route, `Basic ${btoa(`admin:${ADMIN_KEY}`)}`)).status, name).toBe(401);
      expect((await call(route, `Bearer ${ADMIN_KEY}x`)).status, name).toBe(401);
      // The admin key itself gets through authentication (to a 200, or a 400/404 about the request).
      expect([401, 403], name).not.toContain((await call(route, `Bearer ${ADMIN_KEY}`)).status);
    }
  });

  it('count and audit every refusal, and do not accept the admin key as a gateway key', async () => {
    const metrics = await (
      await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })
    ).text();
    expect(metrics).toMatch(/switchyard_auth_failures_total\{reason="admin_gateway_key"\} (\d+)/);
    const refusedWithGatewayKey = Number(/reason="admin_gateway_key"\} (\d+)/.exec(metrics)?.[1]);
    expect(refusedWithGatewayKey).toBe(adminRoutes.length);
    const audit: { data: Array<{ action: string; status: number; details?: { reason?: string } }> } = await (
      await fetch(`${s.url}/v1/admin/audit?limit=1000`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })
    ).json();
    const refusals = audit.data.filter((entry) => entry.action === 'auth.refused');
    expect(refusals.filter((entry) => entry.details?.reason === 'gateway_key')).toHaveLength(
      adminRoutes.length,
    );
    const asGatewayKey = await fetch(`${s.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ model: 'mock/m', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(asGatewayKey.status).toBe(401);
  });
});
