/**
 * The sandbox's demo organisation: a small Norwegian municipality. Its people carry the Agents
 * Playground's default names, so the person typing in the Playground (Alex Wilber) is a person of
 * this organisation with a real-looking Entra object id. The tenant simulator (directory-sync issue)
 * serves the same people from Graph.
 */
export interface DemoPerson {
  id: string; // Entra object id
  displayName: string;
  userPrincipalName: string;
  department: string;
  jobTitle: string;
  managerId?: string;
  preferredLanguage: 'nb-NO' | 'en-US';
}

export const demoTenant = {
  id: '7d3f6c2a-4b1e-4f0a-9c8d-2e5b1a6f9c30',
  name: 'Drypp kommune (demo)',
  domain: 'drypp-kommune.example',
} as const;

const person = (
  id: string,
  displayName: string,
  mailName: string,
  department: string,
  jobTitle: string,
  managerId?: string,
  preferredLanguage: DemoPerson['preferredLanguage'] = 'nb-NO',
): DemoPerson => ({
  id,
  displayName,
  userPrincipalName: `${mailName}@${demoTenant.domain}`,
  department,
  jobTitle,
  managerId,
  preferredLanguage,
});

const megan = '5f1c8e0a-2d3b-4c6e-9a7f-1b2c3d4e5f01';
const adele = '5f1c8e0a-2d3b-4c6e-9a7f-1b2c3d4e5f02';

/**
 * Roles in the tab: Megan Bowen (HR) is the HR admin (app role Drypp.Admin) and manages Adele Vance,
 * Isaiah Langer and Patti Fernandez; Adele manages the Playground's user Alex Wilber and Lynne
 * Robbins, so Megan sees two levels of reports and Adele one.
 */
export const demoHrAdminId = megan;
export const demoManagerOfAlexId = adele;

/** The first person is the Playground's signed-in user. Exactly six: the Playground takes 1 + 5. */
export const demoPeople: readonly DemoPerson[] = [
  person(
    '5f1c8e0a-2d3b-4c6e-9a7f-1b2c3d4e5f00',
    'Alex Wilber',
    'alexw',
    'Helse og omsorg',
    'Sykepleier',
    adele,
    'en-US',
  ),
  person(megan, 'Megan Bowen', 'meganb', 'HR', 'HR-rådgiver'),
  person(adele, 'Adele Vance', 'adelev', 'Helse og omsorg', 'Enhetsleder', megan),
  person('5f1c8e0a-2d3b-4c6e-9a7f-1b2c3d4e5f03', 'Isaiah Langer', 'isaiahl', 'IT', 'IT-konsulent', megan),
  person('5f1c8e0a-2d3b-4c6e-9a7f-1b2c3d4e5f04', 'Patti Fernandez', 'pattif', 'Oppvekst', 'Rektor', megan),
  person(
    '5f1c8e0a-2d3b-4c6e-9a7f-1b2c3d4e5f05',
    'Lynne Robbins',
    'lynner',
    'Helse og omsorg',
    'Helsefagarbeider',
    adele,
  ),
];

/** The bot as the Playground presents it (its id is only a channel account id there). */
export const demoBot = { id: '28:drypp-sandbox-bot', name: 'Drypp' } as const;

/** Fixed, so a stored conversation reference stays valid across sandbox restarts. */
export const demoPersonalChatId = 'a:drypp-sandbox-personal-chat';
