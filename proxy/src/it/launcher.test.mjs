// What a person meets first: ./wisp --help, a configuration mistake, the start-up lines, the
// health check and page over http and https, and a self-signed certificate that survives restarts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { get } from 'node:https';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { withTimeout } from './lib/time.mjs';
import { JAR, startWisp } from './lib/wisp.mjs';

const launcher = resolve(dirname(fileURLToPath(import.meta.url)), '../../../wisp');

/** GET over https trusting `ca`; resolves with status, content type and body. */
function httpsGet(url, ca) {
  return withTimeout(new Promise((resolveGet, reject) => {
    get(url, { ca }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolveGet({ status: response.statusCode, type: response.headers['content-type'], body }));
    }).on('error', reject);
  }), 5_000, `GET ${url}`);
}

describe('the launcher and the first minute', () => {
  it('./wisp --help lists the options and every configuration key with its variable', () => {
    const help = spawnSync(launcher, ['--help'], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /--config FILE/);
    assert.match(help.stdout, /wss\.port = 8443 +\[WISP_WSS_PORT\]/);
    assert.match(help.stdout, /websocket\.max-message-size = "?64KiB"?/);
    assert.match(help.stdout, /registrar\.remove-bindings-on-flow-close = true/);
  });

  it('an invalid configuration stops start-up with one line naming key, value and expectation', () => {
    const started = spawnSync('java', ['-jar', JAR], {
      encoding: 'utf8', timeout: 60_000, env: { ...process.env, WISP_WEBSOCKET_PING_INTERVAL: 'often' },
    });
    assert.equal(started.status, 2);
    assert.equal(started.stderr.trim().split('\n').length, 1, started.stderr);
    assert.equal(started.stderr.trim(),
      'wisp: invalid configuration: websocket.ping-interval: "often" (expected: a duration such as 30s)');
  });

  it('an unknown option is refused', () => {
    const started = spawnSync('java', ['-jar', JAR, '--verbose'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(started.status, 2);
    assert.match(started.stderr, /unknown option --verbose/);
  });

  it('says where to point a client, and serves /healthz and the page over http and https', async () => {
    const wisp = await startWisp();
    try {
      const wssPort = new URL(wisp.wss).port;
      assert.match(wisp.log(), new RegExp(`at wss://<host>:${wssPort} with subprotocol sip`));

      const health = await fetch(`${wisp.http}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(Object.keys(await health.json()).sort(), ['aors', 'bindings', 'flows', 'status', 'uptime_seconds']);
      const page = await fetch(`${wisp.http}/`);
      assert.match(page.headers.get('content-type'), /text\/html/);
      assert.match(await page.text(), /<title>wisp · send files browser to browser<\/title>/);

      const secure = await httpsGet(`${wisp.https}/healthz`, wisp.ca);
      assert.equal(secure.status, 200);
      assert.match(secure.body, /"status":"ok"/);
      assert.equal((await httpsGet(`${wisp.https}/nothing-here`, wisp.ca)).status, 404);
    } finally {
      await wisp.stop();
    }
  });

  it('keeps its self-signed certificate on disk and reuses it on the next start', async () => {
    const tlsDir = await mkdtemp(join(tmpdir(), 'wisp-tls-'));
    try {
      const first = await startWisp({ tlsDir });
      await first.stop();
      const second = await startWisp({ tlsDir });
      await second.stop();
      assert.equal(second.ca, first.ca);
      assert.match(second.log(), /reusing self-signed certificate/);
      assert.match(await readFile(join(tlsDir, 'wisp-self-signed.key'), 'utf8'), /BEGIN PRIVATE KEY/);
    } finally {
      await rm(tlsDir, { recursive: true, force: true });
    }
  });
});
