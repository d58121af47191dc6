import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { startChild } from './child.ts';
import { freePort } from './ports.ts';

/**
 * Starts the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground), Microsoft's Teams-like test
 * client, on a loopback port, pointed at a bot endpoint. Used by `npm start` and by the end-to-end tests
 * (test/support/playground.ts drives its page in Chromium). Needs no network.
 */

const cliPath = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

// The Playground calls server.listen(port) with no host (all interfaces) and has no flag for it; this
// preload pins every host-less listen() in that process to loopback.
const LOOPBACK_PRELOAD =
  'data:text/javascript,import net from "node:net";const l=net.Server.prototype.listen;' +
  'net.Server.prototype.listen=function(...a){if((typeof a[0]==="number"||typeof a[0]==="string")&&typeof a[1]!=="string")' +
  'a.splice(1,0,"127.0.0.1");else if(a[0]&&typeof a[0]==="object"&&a[0].host===undefined&&a[0].path===undefined)' +
  'a[0]={...a[0],host:"127.0.0.1"};return l.apply(this,a)};';

// Inherited settings the Playground reads that would change what a test sees; left out of its env.
const STRAY_ENV =
  /^(M365_AGENTS_PLAYGROUND_|TEAMSAPPTESTER_|TEAMS_APP_TEST_TOOL_|AUTH_CLIENT_|AUTH_TENANT_ID$|BOT_ENDPOINT$|DEFAULT_CHANNEL_ID$)/;

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Defaults to a free port (the Playground's own default is 56150, the sandbox's). */
  port?: number;
  /** A .m365agentsplayground.yml (see playground-config.ts); the built-in defaults otherwise. */
  configFile?: string;
  /** Working directory (the Playground reads .m365agentsplayground.yml from it if no configFile). Temp dir by default. */
  cwd?: string;
  /** Personal-chat conversation id (personalChat.id in a config file wins). */
  conversationId?: string;
  /** Receives every line the Playground prints. */
  echo?: (line: string) => void;
  timeoutMs?: number;
}

export interface Playground {
  url: string;
  port: number;
  /** What activities carry as serviceUrl, and where the bot's connector calls go. */
  serviceUrl: string;
  /** Its log file so far (it logs there, not to stdout, when stdout is not a terminal). */
  log(): string;
  stop(): Promise<void>;
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const serviceUrl = `${url}/_connector`;
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'drypp-playground-'));
  const args = [
    ...['--import', LOOPBACK_PRELOAD, cliPath, 'start', '--app-endpoint', options.botEndpoint],
    ...['--channel-id', 'msteams', '--port', `${port}`, '--service-url', serviceUrl, '--disable-telemetry'],
  ];
  if (options.conversationId) args.push('--conversation-id', options.conversationId);
  // An undefined value leaves a variable out of the child's environment.
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.keys(process.env)
      .filter((key) => STRAY_ENV.test(key))
      .map((key) => [key, undefined]),
  );
  env.TEAMSAPPTESTER_BROWSER = 'none'; // do not open a browser
  const logFile = path.join(tempDir, 'm365agentsplayground.log');
  env.M365_AGENTS_PLAYGROUND_LOGFILE = logFile; // instead of ./devTools/m365agentsplayground.log
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  if (options.configFile) env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = path.resolve(options.configFile);
  let listening!: (actualPort: number) => void;
  const listeningOn = new Promise<number>((resolve) => (listening = resolve));
  const child = startChild('playground', process.execPath, args, {
    cwd: options.cwd ?? tempDir,
    env,
    echo: (line) => {
      const match = /^Listening on (\d+)/.exec(line);
      if (match) listening(Number(match[1]));
      options.echo?.(line);
    },
  });
  const stop = async () => {
    await child.stop();
    rmSync(tempDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const failure = (what: string) =>
    new Error(`the Agents Playground ${what}:\n${child.tail()}\n${log().split('\n').slice(-20).join('\n')}`);
  const exited = new Promise<never>((_, reject) =>
    child.process.once('exit', () => reject(failure('exited'))),
  );
  exited.catch(() => {}); // only matters while starting
  const late = new Promise<never>((_, reject) => {
    setTimeout(() => reject(failure('did not start in time')), deadline - Date.now()).unref();
  });
  try {
    const actual = await Promise.race([listeningOn, exited, late]);
    // It silently falls back to a random port when the one asked for is taken; the serviceUrl would be wrong.
    if (actual !== port)
      throw new Error(`port ${port} is taken (the Agents Playground fell back to ${actual})`);
    const answers = () =>
      fetch(`${url}/_debug/ping`).then(
        (r) => r.ok,
        () => false,
      );
    while (!(await answers())) {
      if (child.process.exitCode !== null || Date.now() > deadline) throw failure('never answered a ping');
      await new Promise((r) => setTimeout(r, 100));
    }
    return { url, port, serviceUrl, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
