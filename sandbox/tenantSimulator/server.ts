import { writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { makeCertificate } from './certificate.ts';
import { createTenantSimulator, type TenantSimulatorOptions } from './simulator.ts';
import type { SimulatorState } from './state/state.ts';

/** The sandbox's default address for the simulator (`npm run sim`). */
export const SIMULATOR_DEFAULT_PORT = 5880;

export interface StartOptions extends TenantSimulatorOptions {
  port?: number; // 0 for a free port; 5880 by default
  host?: string; // 127.0.0.1 by default
  /**
   * Serve TLS too (needed for msal-node and the Graph client). The same port then answers both
   * https:// and http:// (the first byte of a connection tells a TLS handshake from HTTP), so
   * curl and the CLI can stay on plain http.
   */
  https?: boolean;
  /** Writes the certificate (PEM) here, for NODE_EXTRA_CA_CERTS of processes that call the simulator. */
  certFile?: string;
}

export interface RunningSimulator {
  /** https://host:port when serving TLS, http://host:port otherwise. */
  url: string;
  httpUrl: string;
  port: number;
  state: SimulatorState;
  /** The TLS certificate (PEM) clients must trust; undefined without https. */
  certificate?: string;
  stop(): Promise<void>;
}

export async function startTenantSimulator(options: StartOptions): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const simulator = createTenantSimulator(options);
  const { state } = simulator;
  if (options.https && !state.secrets.tls) {
    state.secrets.tls = await makeCertificate();
    state.onDirty();
  }
  const tls = options.https ? state.secrets.tls : undefined;
  if (tls && options.certFile) writeFileSync(options.certFile, tls.cert);

  const plain = http.createServer(simulator.app);
  const secure = tls ? https.createServer({ key: tls.key, cert: tls.cert }, simulator.app) : undefined;
  const sockets = new Set<net.Socket>();
  const front = secure
    ? net.createServer((socket) => {
        socket.once('data', (first: Buffer) => {
          socket.pause();
          socket.unshift(first);
          (first[0] === 0x16 ? secure : plain).emit('connection', socket);
          process.nextTick(() => socket.resume());
        });
        socket.on('error', () => socket.destroy()); // a client that hangs up mid-handshake
      })
    : plain;
  front.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port ?? SIMULATOR_DEFAULT_PORT, host, () => resolve());
  });
  const port = (front.address() as net.AddressInfo).port;
  const where = host.includes(':') ? `[${host}]` : host;
  const httpUrl = `http://${where}:${port}`;
  return {
    url: tls ? `https://${where}:${port}` : httpUrl,
    httpUrl,
    port,
    state,
    certificate: tls?.cert,
    async stop() {
      simulator.close();
      // End each connection and wait until the client has closed its side too, so a client that
      // pools connections does not send its next request into a dead one after a restart.
      const ended = [...sockets].map((s) => new Promise((resolve) => s.once('close', resolve)));
      const force = setTimeout(() => sockets.forEach((s) => s.destroy()), 1000);
      for (const socket of sockets) socket.end();
      await Promise.all(ended);
      clearTimeout(force);
      await new Promise<void>((resolve) => front.close(() => resolve()));
    },
  };
}
