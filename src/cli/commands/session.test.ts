import { describe, expect, it } from 'vitest';
import { AZURITE_DEFAULT_CONNECTION_STRING } from '../../config/config.ts';
import type { Person } from '../../domain/directory/person.ts';
import type { PeopleStore } from '../../usecases/directory/ports.ts';
import { CommandFailed, cliConfig, resolvePerson, resolveTenant, storageEndpoint } from './session.ts';

describe('cliConfig', () => {
  it('defaults to the sandbox, so a checkout reaches the local Azurite', () => {
    const config = cliConfig({});
    expect(config.mode).toBe('sandbox');
    expect(config.storage).toEqual({
      kind: 'connectionString',
      connectionString: AZURITE_DEFAULT_CONNECTION_STRING,
    });
  });

  it('keeps the mode the environment sets, with the same checks as the server', () => {
    expect(cliConfig({ DRYPP_MODE: 'test' }).mode).toBe('test');
    expect(() => cliConfig({ DRYPP_MODE: 'production' })).toThrow(/DRYPP_STORAGE_CONNECTION_STRING/);
  });
});

describe('storageEndpoint', () => {
  it('names the table endpoint host and port, never the key', () => {
    expect(
      storageEndpoint({ kind: 'connectionString', connectionString: AZURITE_DEFAULT_CONNECTION_STRING }),
    ).toBe('127.0.0.1:10002');
    expect(
      storageEndpoint({
        kind: 'connectionString',
        connectionString:
          'DefaultEndpointsProtocol=https;AccountName=drypp;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net',
      }),
    ).toBe('drypp.table.core.windows.net:443');
    expect(
      storageEndpoint({ kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' }),
    ).toBe('127.0.0.1:10002');
    expect(
      storageEndpoint({
        kind: 'managedIdentity',
        tableUrl: 'https://drypp.table.core.windows.net',
        queueUrl: 'https://drypp.queue.core.windows.net',
      }),
    ).toBe('drypp.table.core.windows.net:443');
  });
});

function peopleStore(people: Person[]): PeopleStore {
  return {
    upsert: async () => undefined,
    get: async (t, id) => people.find((p) => p.tenantId === t && p.id === id),
    preferredLanguage: async (t, id) =>
      people.find((p) => p.tenantId === t && p.id === id)?.preferredLanguage,
    findByUpn: async (t, upn) =>
      people.find((p) => p.tenantId === t && p.userPrincipalName.toLowerCase() === upn.toLowerCase()),
    tenants: async () => [...new Set(people.map((p) => p.tenantId))],
  };
}

const ada: Person = {
  tenantId: 't1',
  id: '0f0e0d0c-0000-4000-8000-000000000001',
  userPrincipalName: 'ada@example.test',
  displayName: 'Ada',
};

describe('resolveTenant', () => {
  it('takes --tenant, else the only tenant there is', async () => {
    expect(await resolveTenant(peopleStore([ada]), 'other')).toBe('other');
    expect(await resolveTenant(peopleStore([ada]), undefined)).toBe('t1');
  });

  it('asks for --tenant when there are several, and explains when there are none', async () => {
    const two = peopleStore([ada, { ...ada, tenantId: 't2' }]);
    await expect(resolveTenant(two, undefined)).rejects.toThrow(
      /2 tenants \(t1, t2\): choose one with --tenant/,
    );
    await expect(resolveTenant(peopleStore([]), undefined)).rejects.toBeInstanceOf(CommandFailed);
  });
});

describe('resolvePerson', () => {
  it('finds a person by object id (any case) or by user principal name', async () => {
    const store = peopleStore([ada]);
    expect(await resolvePerson(store, 't1', ada.id.toUpperCase())).toEqual(ada);
    expect(await resolvePerson(store, 't1', 'Ada@Example.test')).toEqual(ada);
  });

  it('names the unknown user and the tenant', async () => {
    await expect(resolvePerson(peopleStore([ada]), 't2', 'ada@example.test')).rejects.toThrow(
      'Unknown user "ada@example.test" in tenant t2.',
    );
  });
});
