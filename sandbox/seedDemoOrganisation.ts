import { TablePeopleStore } from '../src/store/peopleStore.ts';
import { StorageClients } from '../src/store/storageClients.ts';
import { ensureStorage, tableNames } from '../src/store/tables.ts';
import { demoPeople, demoTenant } from './demoOrganisation.ts';

/**
 * Puts the demo organisation's people where directory sync would: the People table. Until the tenant
 * simulator and directory sync arrive (issue 4), this is how the sandbox knows who works there.
 */
export async function seedDemoOrganisation(connectionString: string): Promise<void> {
  const clients = new StorageClients({ kind: 'connectionString', connectionString });
  await ensureStorage(clients);
  const people = new TablePeopleStore(clients.table(tableNames.people), clients.table(tableNames.tenants));
  for (const p of demoPeople) {
    await people.upsert({
      tenantId: demoTenant.id,
      id: p.id,
      userPrincipalName: p.userPrincipalName,
      displayName: p.displayName,
      department: p.department,
      jobTitle: p.jobTitle,
      managerId: p.managerId,
      preferredLanguage: p.preferredLanguage,
      timeZone: 'Europe/Oslo',
    });
  }
}
