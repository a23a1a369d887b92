// Bad input over real sockets: the RFC 4475 torture corpus, random bytes, an oversize frame,
// non-UTF-8 text, handshakes without "sip" or from a foreign Origin. Each gets its clear answer,
// and two JsSIP users on other connections keep exchanging MESSAGEs throughout.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { jssipUser } from './lib/jssip-user.mjs';
import { rawSocket, refusedHandshake } from './lib/raw-socket.mjs';
import { registered, stopAll } from './lib/users.mjs';
import { trust } from './lib/websocket.mjs';
import { startWisp } from './lib/wisp.mjs';

const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '../test/resources/rfc4475');
const expectations = readFileSync(resolve(corpusDir, 'expectations.csv'), 'utf8').split('\n')
  .filter((line) => line && !line.startsWith('#') && !line.startsWith('file,'))
  .map((line) => {
    const [file, frame, answer] = line.split(',');
    return { file, binary: frame === 'binary', answer };
  });

const wisp = await startWisp();
trust(wisp.ca);
after(() => wisp.stop());

let marker = 0;
/** An OPTIONS for wisp itself: its 200 proves everything sent before it on the socket was handled. */
function optionsForWisp() {
  marker += 1;
  return {
    callId: `marker-${marker}`,
    bytes: Buffer.from([
      'OPTIONS sip:example.test SIP/2.0',
      `Via: SIP/2.0/WS m${marker}.invalid;branch=z9hG4bKmarker${marker}`,
      'Max-Forwards: 70',
      'To: <sip:example.test>',
      `From: <sip:tester@example.test>;tag=m${marker}`,
      `Call-ID: marker-${marker}`,
      'CSeq: 1 OPTIONS',
      'Content-Length: 0',
      '', ''].join('\r\n')),
  };
}

async function expectMarkerAnswer(socket, callId) {
  const answer = await socket.nextMessage();
  assert.match(answer, /^SIP\/2\.0 200 /, `the next message is the 200 to ${callId}, not: ${answer.split('\r\n')[0]}`);
  assert.match(answer, new RegExp(`Call-ID: ${callId}`));
}

describe('bad input', () => {
  let alice;
  let bob;
  let exchanged = 0;

  /** Alice and Bob, each on their own connection, still reach each other. */
  async function othersKeepWorking() {
    exchanged += 1;
    const delivered = bob.nextMessage();
    assert.equal(await alice.message(bob.uri, `still here ${exchanged}`), 200);
    assert.equal(await delivered, `still here ${exchanged}`);
  }

  before(async () => {
    [alice, bob] = await registered(() => jssipUser(wisp.ws, 'alice'), () => jssipUser(wisp.wss, 'bob'));
    await othersKeepWorking();
  });

  after(() => stopAll([alice, bob]));

  for (const { file, binary, answer } of expectations) {
    it(`torture ${file} in a ${binary ? 'binary' : 'text'} frame: ${answer}`, async () => {
      const socket = await rawSocket(wisp.ws);
      const probe = optionsForWisp();

      socket.send(readFileSync(resolve(corpusDir, file)), { binary });
      socket.send(probe.bytes);

      if (/^\d+$/.test(answer)) {
        const first = await socket.nextMessage();
        assert.match(first, new RegExp(`^SIP/2\\.0 ${answer} `), first.split('\r\n')[0]);
      }
      await expectMarkerAnswer(socket, probe.callId);
      await socket.close();
      await wisp.bindings(2); // whatever a torture REGISTER bound went with its connection
      await othersKeepWorking();
    });
  }

  it('mpart01 (not UTF-8) in a text frame is closed with 1007', async () => {
    const socket = await rawSocket(wisp.ws);
    socket.send(readFileSync(resolve(corpusDir, 'mpart01.dat')), { binary: false });
    assert.equal((await socket.closed()).code, 1007);
    await othersKeepWorking();
  });

  it('random bytes in binary frames are answered or dropped, and the connection stays up', async () => {
    const socket = await rawSocket(wisp.wss, { ca: wisp.ca });
    for (let i = 0; i < 100; i++) socket.send(randomBytes(1 + (i * 37) % 3000), { binary: true });
    const probe = optionsForWisp();
    socket.send(probe.bytes);
    await drainUntilMarker(socket, probe.callId);
    await socket.close();
    await othersKeepWorking();
  });

  it('random text in text frames is answered or dropped, and the connection stays up', async () => {
    const socket = await rawSocket(wisp.ws);
    for (let i = 0; i < 100; i++) socket.send(Buffer.from(randomText(1 + (i * 53) % 3000), 'utf8'));
    const probe = optionsForWisp();
    socket.send(probe.bytes);
    await drainUntilMarker(socket, probe.callId);
    await socket.close();
    await othersKeepWorking();
  });

  it('random bytes that are not UTF-8 in a text frame are closed with 1007', async () => {
    const socket = await rawSocket(wisp.ws);
    socket.send(Buffer.from([0x4f, 0x50, 0xc3, 0x28, ...randomBytes(64)]), { binary: false });
    assert.equal((await socket.closed()).code, 1007);
    await othersKeepWorking();
  });

  it('a request in three fragments is reassembled and answered', async () => {
    const socket = await rawSocket(wisp.ws);
    const probe = optionsForWisp();
    socket.send(probe.bytes, { fragments: 3 });
    await expectMarkerAnswer(socket, probe.callId);
    await socket.close();
  });

  for (const binary of [false, true]) {
    it(`a 1 MiB ${binary ? 'binary' : 'text'} frame is closed with 1009`, async () => {
      const socket = await rawSocket(wisp.ws);
      socket.send(Buffer.alloc(1024 * 1024, 'a'), { binary });
      assert.equal((await socket.closed()).code, 1009);
      await othersKeepWorking();
    });
  }

  it('a handshake without the sip subprotocol gets 400 saying why', async () => {
    const refused = await refusedHandshake(wisp.ws, { protocol: 'chat' });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /subprotocol "sip"/);
    const none = await refusedHandshake(wisp.wss, { ca: wisp.ca });
    assert.equal(none.status, 400);
    await othersKeepWorking();
  });

  it('a handshake from a foreign browser Origin gets 403', async () => {
    const refused = await refusedHandshake(wisp.wss, { protocol: 'sip', origin: 'https://evil.example', ca: wisp.ca });
    assert.equal(refused.status, 403);
    assert.match(refused.body, /Origin https:\/\/evil\.example/);
    await othersKeepWorking();
  });

  it('wisp counted what it refused and never had an internal error', async () => {
    const metrics = await (await fetch(`${wisp.http}/metrics`)).text();
    assert.match(metrics, /^wisp_sip_internal_errors_total 0$/m);
    assert.match(metrics, /^wisp_ws_handshakes_refused_total [1-9]/m);
    assert.match(metrics, /^wisp_ws_closed_by_error_total [1-9]/m);
    assert.match(metrics, /^wisp_sip_malformed_answered_total [1-9]/m);
  });
});

/** Reads (and discards) answers to garbage until the marker's 200 arrives. */
async function drainUntilMarker(socket, callId) {
  for (;;) {
    const message = await socket.nextMessage();
    if (message.includes(`Call-ID: ${callId}`)) {
      assert.match(message, /^SIP\/2\.0 200 /);
      return;
    }
    assert.match(message, /^SIP\/2\.0 [45]\d\d /, 'garbage gets an error response or nothing');
  }
}

/** Random printable text with line breaks, so the parser sees things that look like lines. */
function randomText(length) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :;,<>@"=/.\r\n\té✓';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
