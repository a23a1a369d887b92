// Starts a real wisp (the shaded jar ./wisp builds) on free ports for one test file, and stops it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withTimeout } from './time.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const JAR = process.env.WISP_JAR ?? resolve(here, '../../../target/wisp.jar');
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts wisp with ws and wss on free ports and a fresh self-signed certificate.
 * @param {object} options
 * @param {string} [options.host] address the tests use to reach it (127.0.0.1, or the netns address)
 * @param {string} [options.config] extra HOCON inside wisp { }
 * @param {object} [options.env] extra environment (WISP_* overrides)
 * @param {string} [options.tlsDir] where the self-signed certificate lives (default: a fresh directory)
 * @param {{ws: number, wss: number}} [options.ports] fixed ports (default: free ones)
 */
export async function startWisp({ host = '127.0.0.1', config = '', env = {}, tlsDir, ports: fixed } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'wisp-e2e-'));
  const certificates = tlsDir ?? join(dir, 'tls');
  const configFile = join(dir, 'wisp.conf');
  await writeFile(configFile, `wisp {\n ws.port = ${fixed?.ws ?? 0}\n wss.port = ${fixed?.wss ?? 0}\n`
    + ` tls.self-signed-dir = "${certificates}"\n ${config}\n}\n`);
  const child = spawn('java', ['-jar', JAR, '--config', configFile], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const ready = new Promise((resolveReady, rejectReady) => {
    const onLine = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (line) output.push(line);
        const match = /wisp ready ws=(\d+) wss=(\d+)/.exec(line);
        if (match) resolveReady({ ws: Number(match[1]), wss: Number(match[2]) });
      }
    };
    child.stdout.on('data', onLine);
    child.stderr.on('data', onLine);
    child.once('exit', (code) => rejectReady(new Error(`wisp exited with ${code}:\n${output.join('\n')}`)));
  });
  let ports;
  try {
    ports = await withTimeout(ready, START_TIMEOUT_MS, 'wisp to start');
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const ca = await readFile(join(certificates, 'wisp-self-signed.crt'), 'utf8');
  return {
    pid: child.pid,
    ports,
    ws: `ws://${host}:${ports.ws}`,
    wss: `wss://${host}:${ports.wss}`,
    http: `http://${host}:${ports.ws}`,
    https: `https://${host}:${ports.wss}`,
    ca,
    /** Every line wisp logged so far. */
    log: () => output.join('\n'),
    /** The /healthz document. */
    async health() {
      const response = await fetch(`http://${host}:${ports.ws}/healthz`);
      return response.json();
    },
    /** Waits until the registrar holds exactly `count` bindings (a closed tab's are removed on close). */
    async bindings(count) {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const { bindings } = await this.health();
        if (bindings === count) return;
        if (Date.now() > deadline) throw new Error(`wisp holds ${bindings} bindings, expected ${count}`);
        await new Promise((r) => setTimeout(r, 20)); // polling a server-side state change, bounded above
      }
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const exited = once(child, 'exit');
        try {
          await withTimeout(exited, STOP_TIMEOUT_MS, 'wisp to stop');
        } catch {
          child.kill('SIGKILL');
          await exited;
        }
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
