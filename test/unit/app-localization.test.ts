import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAppPackage } from '../../scripts/app-package.ts';
import { parseChatCommand } from '../../src/domain/learning/chatCommands.ts';
import { supportedLanguages } from '../../src/domain/platform/language.ts';

const appPackageDir = fileURLToPath(new URL('../../appPackage/', import.meta.url));
const env = {
  TEAMS_APP_ID: '0b6f3f5e-7c4a-4d8e-9a51-2f3c4d5e6f70',
  BOT_ID: '1c7a4b6f-8d5b-4e9f-ab62-3a4d5e6f7081',
  AAD_APP_CLIENT_ID: '2d8b5c7a-9e6c-4fa0-bc73-4b5e6f708192',
  TAB_DOMAIN: 'drypp-dev-web.azurewebsites.net',
};
type Strings = Record<string, string>;
const manifest = JSON.parse(readFileSync(`${appPackageDir}manifest.json`, 'utf8')) as {
  localizationInfo: { additionalLanguages: { languageTag: string; file: string }[] };
  bots: { commandLists: { commands: { title: string }[] }[] }[];
};
const languages = manifest.localizationInfo.additionalLanguages;
const stringsOf = (file: string) => JSON.parse(readFileSync(`${appPackageDir}${file}`, 'utf8')) as Strings;

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of appPackage/ with sv.json changed by `edit`. */
function withSwedish(edit: (strings: Strings) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'drypp-app-'));
  scratch.push(dir);
  cpSync(appPackageDir, dir, { recursive: true });
  const strings = stringsOf('sv.json');
  edit(strings);
  writeFileSync(path.join(dir, 'sv.json'), JSON.stringify(strings));
  return dir;
}

describe('the Teams app in Norwegian and Swedish', () => {
  it('has a file for every language Drypp writes in, for Swedish and every Norwegian tag', () => {
    const tags = languages.map((l) => l.languageTag);
    expect(tags).toEqual(expect.arrayContaining(['nb', 'nn', 'sv']));
    for (const language of supportedLanguages.filter((l) => l !== 'en')) expect(tags).toContain(language);
  });

  it('packages the files, valid against the official localization schema', async () => {
    const result = await buildAppPackage(appPackageDir, env);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    const zip = unzipSync(result.zip);
    const swedish = JSON.parse(strFromU8(zip['sv.json']!)) as Strings;
    expect(swedish['staticTabs[0].name']).toBe('Mitt lärande');
    expect(Object.keys(zip)).toContain('nb.json');
  });

  it('offers command titles that the bot understands as the same commands', () => {
    const english = manifest.bots[0]!.commandLists[0]!.commands.map((c) => parseChatCommand(c.title));
    expect(english).not.toContain('unknown');
    for (const { file } of languages) {
      const strings = stringsOf(file);
      const localized = english.map((_, i) =>
        parseChatCommand(strings[`bots[0].commandLists[0].commands[${i}].title`]),
      );
      expect(localized, file).toEqual(english);
    }
  });

  it('refuses a missing translation, a text for a tab that does not exist, and a name too long for Teams', async () => {
    const dir = withSwedish((strings) => {
      delete strings['staticTabs[1].name'];
      strings['staticTabs[7].name'] = 'Finns inte';
      strings['name.short'] = 'Drypp – introduktion och mikrolärande';
    });
    const result = await buildAppPackage(dir, env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'sv.json: no sv text for staticTabs[1].name',
        'sv.json: staticTabs[7].name is not in manifest.json',
        expect.stringMatching(/^sv\.json: .*name\.short.*30/),
      ]),
    );
  });
});
