import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, servesTenant } from './config.ts';

const secret = 'super-secret-password-value';

describe('loadConfig', () => {
  it('starts a sandbox with defaults and Azurite storage', () => {
    const config = loadConfig({ DRYPP_MODE: 'sandbox' });
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.roles).toEqual(['web', 'worker']);
    expect(config.storage.kind).toBe('connectionString');
    expect(config.bot.appId).toBeUndefined();
  });

  it('names every missing production setting in one error', () => {
    let error: unknown;
    try {
      loadConfig({ DRYPP_MODE: 'production' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('DRYPP_STORAGE_CONNECTION_STRING');
    expect(problems).toContain('MicrosoftAppId');
    expect(problems).toContain('MicrosoftAppPassword');
    expect(problems).toContain('DRYPP_TENANTS');
  });

  it('serves only the listed tenants, ignoring case, and names a malformed tenant id', () => {
    const config = loadConfig({
      DRYPP_MODE: 'sandbox',
      DRYPP_TENANTS: ' 7D3F6C2A-4B1E-4F0A-9C8D-2E5B1A6F9C30 ,11111111-2222-4333-8444-555555555555',
    });
    expect(config.tenants).toEqual({
      kind: 'listed',
      ids: ['7d3f6c2a-4b1e-4f0a-9c8d-2e5b1a6f9c30', '11111111-2222-4333-8444-555555555555'],
    });
    expect(servesTenant(config.tenants, '7d3f6c2a-4b1e-4f0a-9c8d-2e5b1a6f9c30')).toBe(true);
    expect(servesTenant(config.tenants, '7D3F6C2A-4B1E-4F0A-9C8D-2E5B1A6F9C30')).toBe(true);
    expect(servesTenant(config.tenants, '99999999-2222-4333-8444-555555555555')).toBe(false);
    expect(servesTenant(config.tenants, undefined)).toBe(false);
    expect(servesTenant(loadConfig({ DRYPP_MODE: 'test' }).tenants, 'anything')).toBe(true);
    expect(() =>
      loadConfig({ DRYPP_MODE: 'sandbox', DRYPP_TENANTS: 'contoso.onmicrosoft.com' }),
    ).toThrowError(/DRYPP_TENANTS.*GUIDs/);
    expect(() =>
      loadConfig({
        DRYPP_MODE: 'sandbox',
        DRYPP_TENANTS: '11111111-2222-4333-8444-555555555555',
        DRYPP_DIRECTORY_TENANTS: '7d3f6c2a-4b1e-4f0a-9c8d-2e5b1a6f9c30',
        DRYPP_GRAPH_CLIENT_ID: '6a1d5e3c-8f2b-4c7d-9e0a-3b4c5d6e7f80',
        DRYPP_GRAPH_CLIENT_SECRET: secret,
        DRYPP_TEAMS_APP_CATALOG_ID: '2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f',
      }),
    ).toThrowError(/DRYPP_DIRECTORY_TENANTS may only name tenants that DRYPP_TENANTS lists/);
  });

  it('refuses to listen beyond loopback without a bot app id', () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.4', 'drypp.example.no']) {
      expect(() => loadConfig({ DRYPP_MODE: 'sandbox', DRYPP_HOST: host })).toThrowError(
        /DRYPP_HOST is not a loopback address, so MicrosoftAppId must be set/,
      );
    }
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) {
      expect(loadConfig({ DRYPP_MODE: 'sandbox', DRYPP_HOST: host }).host).toBe(host);
    }
    const withBot = loadConfig({
      DRYPP_MODE: 'sandbox',
      DRYPP_HOST: '0.0.0.0',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
    });
    expect(withBot.bot.appId).toBe('00000000-0000-0000-0000-000000000001');
  });

  it('reports malformed values without echoing them', () => {
    expect(() =>
      loadConfig({
        DRYPP_MODE: 'production',
        PORT: 'eighty',
        MicrosoftAppId: 'not-a-guid',
        MicrosoftAppPassword: secret,
        DRYPP_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      }),
    ).toThrowError(/PORT/);
    try {
      loadConfig({
        DRYPP_MODE: 'production',
        MicrosoftAppId: 'not-a-guid',
        MicrosoftAppPassword: secret,
        DRYPP_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      });
      expect.unreachable('a bad app id must stop the start');
    } catch (e) {
      expect((e as Error).message).toContain('MicrosoftAppId must be a GUID');
      expect((e as Error).message).not.toContain(secret);
    }
  });

  it('accepts a complete production configuration with a managed identity', () => {
    const config = loadConfig({
      DRYPP_MODE: 'production',
      DRYPP_ROLES: 'worker',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: secret,
      DRYPP_TENANTS: '7d3f6c2a-4b1e-4f0a-9c8d-2e5b1a6f9c30',
      DRYPP_STORAGE_ACCOUNT_URL_TABLE: 'https://acct.table.core.windows.net',
      DRYPP_STORAGE_ACCOUNT_URL_QUEUE: 'https://acct.queue.core.windows.net',
    });
    expect(config.roles).toEqual(['worker']);
    expect(config.storage).toEqual({
      kind: 'managedIdentity',
      tableUrl: 'https://acct.table.core.windows.net',
      queueUrl: 'https://acct.queue.core.windows.net',
    });
  });

  it('shares 45 sends a second per tenant by default and refuses more than Teams allows', () => {
    expect(loadConfig({ DRYPP_MODE: 'sandbox' }).delivery.tenantSendsPerSecond).toBe(45);
    expect(
      loadConfig({ DRYPP_MODE: 'sandbox', DRYPP_TENANT_SENDS_PER_SECOND: '50' }).delivery
        .tenantSendsPerSecond,
    ).toBe(50);
    expect(() => loadConfig({ DRYPP_MODE: 'sandbox', DRYPP_TENANT_SENDS_PER_SECOND: '51' })).toThrowError(
      /DRYPP_TENANT_SENDS_PER_SECOND.*at most 50/,
    );
  });

  it('rejects an unknown role', () => {
    expect(() => loadConfig({ DRYPP_MODE: 'sandbox', DRYPP_ROLES: 'web,cron' })).toThrowError(/DRYPP_ROLES/);
  });

  it('configures directory sync with a certificate instead of a secret, and names what is missing', () => {
    const base = {
      DRYPP_MODE: 'sandbox',
      DRYPP_DIRECTORY_TENANTS: '7d3f6c2a-4b1e-4f0a-9c8d-2e5b1a6f9c30',
      DRYPP_GRAPH_CLIENT_ID: '6a1d5e3c-8f2b-4c7d-9e0a-3b4c5d6e7f80',
      DRYPP_TEAMS_APP_CATALOG_ID: '2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f',
    };
    const withCert = loadConfig({
      ...base,
      DRYPP_GRAPH_CLIENT_CERT_KEY: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
      DRYPP_GRAPH_CLIENT_CERT_THUMBPRINT: 'a'.repeat(64),
    });
    expect(withCert.directory?.clientCertificate?.thumbprintSha256).toBe('a'.repeat(64));
    expect(withCert.directory?.clientSecret).toBeUndefined();
    expect(() => loadConfig(base)).toThrowError(/or a certificate/);
    expect(() => loadConfig({ ...base, DRYPP_GRAPH_CLIENT_CERT_KEY: 'x' })).toThrowError(/go together/);
  });
});
