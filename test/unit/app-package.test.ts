import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildAppPackage,
  checkIconSize,
  checkOutlineColours,
  fillPlaceholders,
  localSchemaPath,
  parseEnvFile,
  readPngHeader,
  validateManifest,
} from '../../scripts/app-package.ts';

const appPackageDir = fileURLToPath(new URL('../../appPackage/', import.meta.url));
const template = readFileSync(`${appPackageDir}manifest.json`, 'utf8');

/** Sample values shaped like a provisioned env/.env.dev. */
const sampleEnv = {
  TEAMS_APP_ID: '0b6f3f5e-7c4a-4d8e-9a51-2f3c4d5e6f70',
  BOT_ID: '1c7a4b6f-8d5b-4e9f-ab62-3a4d5e6f7081',
  AAD_APP_CLIENT_ID: '2d8b5c7a-9e6c-4fa0-bc73-4b5e6f708192',
  TAB_DOMAIN: 'drypp-dev-web.azurewebsites.net',
};

function filledManifest(env: Record<string, string> = sampleEnv): Record<string, unknown> {
  const { text, unfilled } = fillPlaceholders(template, env);
  expect(unfilled).toEqual([]);
  return JSON.parse(text) as Record<string, unknown>;
}

describe('the shipped Teams manifest', () => {
  it('names a schema that @microsoft/app-manifest ships, so validation never goes to the network', () => {
    const manifest = filledManifest();
    expect(localSchemaPath(manifest.$schema as string)).toContain('node_modules/@microsoft/app-manifest/');
  });

  it('is valid against the official schema once its placeholders are filled', async () => {
    expect(await validateManifest(filledManifest())).toEqual([]);
  });

  it('has the bot in personal scope and the three personal tabs', () => {
    const manifest = filledManifest() as {
      bots: { botId: string; scopes: string[] }[];
      staticTabs: { entityId: string; contentUrl: string; scopes: string[] }[];
      webApplicationInfo: { id: string; resource: string };
    };
    expect(manifest.bots[0]).toMatchObject({ botId: sampleEnv.BOT_ID, scopes: ['personal'] });
    expect(manifest.staticTabs.map((t) => [t.entityId, t.contentUrl, t.scopes])).toEqual([
      ['my-learning', `https://${sampleEnv.TAB_DOMAIN}/tabs/my-learning.html`, ['personal']],
      ['my-team', `https://${sampleEnv.TAB_DOMAIN}/tabs/my-team.html`, ['personal']],
      ['admin', `https://${sampleEnv.TAB_DOMAIN}/tabs/admin.html`, ['personal']],
    ]);
    expect(manifest.webApplicationInfo).toEqual({
      id: sampleEnv.AAD_APP_CLIENT_ID,
      resource: `api://${sampleEnv.TAB_DOMAIN}/${sampleEnv.AAD_APP_CLIENT_ID}`,
    });
  });
});

describe('schema validation', () => {
  it('rejects a bot without botId', async () => {
    const manifest = filledManifest() as { bots: Record<string, unknown>[] };
    delete manifest.bots[0]!.botId;
    const errors = await validateManifest(manifest);
    expect(errors.join('\n')).toMatch(/\/bots\/0 must have required property 'botId'/);
  });

  it('rejects an app id that is not a GUID', async () => {
    const errors = await validateManifest(filledManifest({ ...sampleEnv, TEAMS_APP_ID: 'drypp' }));
    expect(errors.join('\n')).toMatch(/\/id must match pattern/);
  });

  it('rejects a manifestVersion that does not match the schema', async () => {
    const manifest = { ...filledManifest(), manifestVersion: '1.2.3' };
    expect((await validateManifest(manifest)).join('\n')).toMatch(
      /\/manifestVersion must be equal to constant/,
    );
  });

  it('refuses a $schema it cannot find locally instead of fetching it', () => {
    expect(() => localSchemaPath('https://example.com/MicrosoftTeams.schema.json')).toThrow(/not a Teams/);
    expect(() =>
      localSchemaPath('https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json'),
    ).toThrow(/does not ship/);
  });
});

describe('placeholders', () => {
  it('reports every placeholder that is missing or empty, once each', () => {
    const { unfilled } = fillPlaceholders(template, { ...sampleEnv, BOT_ID: '', TAB_DOMAIN: undefined });
    expect(unfilled).toEqual(['BOT_ID', 'TAB_DOMAIN']);
  });

  it('escapes values for JSON', () => {
    expect(fillPlaceholders('{"a": "${{X}}"}', { X: 'say "hi"\\' }).text).toBe('{"a": "say \\"hi\\"\\\\"}');
  });

  it('reads env files the way the toolkit writes them', () => {
    expect(parseEnvFile('# c\nA=1\nB=\nC="x y"\n\nD=z # note\n')).toEqual({
      A: '1',
      B: '',
      C: 'x y',
      D: 'z',
    });
  });

  it('stops the package build and names the unfilled placeholders', async () => {
    const result = await buildAppPackage(appPackageDir, { ...sampleEnv, AAD_APP_CLIENT_ID: '' });
    expect(result).toEqual({ ok: false, problems: ['placeholder ${{AAD_APP_CLIENT_ID}} has no value'] });
  });
});

describe('icons', () => {
  const color = readFileSync(`${appPackageDir}color.png`);
  const outline = readFileSync(`${appPackageDir}outline.png`);

  it('are 192x192 (colour) and 32x32 (outline) PNGs', () => {
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32 });
    expect(checkIconSize('color.png', color, 192)).toEqual([]);
    expect(checkIconSize('outline.png', color, 32)).toEqual(['outline.png is 192x192, expected 32x32']);
    expect(checkIconSize('x.png', Buffer.from('not a png'), 32)).toEqual(['x.png: not a PNG file']);
  });

  it('outline uses only white and transparent pixels', () => {
    expect(checkOutlineColours('outline.png', outline)).toEqual([]);
    expect(checkOutlineColours('color.png', color)).toHaveLength(1); // teal pixels are caught
  });
});

describe('the built package', () => {
  it('holds the filled manifest, both icons and the localization files at the zip root', async () => {
    const result = await buildAppPackage(appPackageDir, sampleEnv);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const files = unzipSync(result.zip);
    expect(Object.keys(files).sort()).toEqual([
      'color.png',
      'manifest.json',
      'nb.json',
      'outline.png',
      'sv.json',
    ]);
    expect(JSON.parse(strFromU8(files['manifest.json']!))).toMatchObject({ id: sampleEnv.TEAMS_APP_ID });
  });
});

describe('the shipped Entra app (aad.manifest.json)', () => {
  const aad = JSON.parse(readFileSync(new URL('../../aad.manifest.json', import.meta.url), 'utf8')) as {
    accessTokenAcceptedVersion: number;
    groupMembershipClaims?: string;
    oauth2Permissions: { value: string }[];
    preAuthorizedApplications: { appId: string }[];
    appRoles: { value: string; allowedMemberTypes: string[] }[];
  };

  it('asks for the v2 tokens the tab API validates, with the access_as_user scope', () => {
    expect(aad.accessTokenAcceptedVersion).toBe(2);
    expect(aad.oauth2Permissions.map((p) => p.value)).toEqual(['access_as_user']);
  });

  it("pre-authorizes Teams' desktop/mobile and web clients, so sign-in needs no consent prompt", () => {
    expect(aad.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual([
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ]);
  });

  it("carries the HR admin role and the groups claim, so an HR group's members need no Graph call", () => {
    expect(aad.appRoles).toContainEqual(
      expect.objectContaining({ value: 'Drypp.Admin', allowedMemberTypes: ['User'] }),
    );
    expect(aad.groupMembershipClaims).toBe('SecurityGroup');
  });
});
