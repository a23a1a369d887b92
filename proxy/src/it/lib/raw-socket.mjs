// A bare WebSocket to wisp for sending arbitrary bytes: what a broken or hostile client sends.
import WebSocket from 'ws';
import { withTimeout } from './time.mjs';

const WAIT_MS = 5_000;

/**
 * Opens a WebSocket and collects what wisp sends and how it closes.
 * @param {string} url ws:// or wss://
 * @param {object} [options] `protocol` (default 'sip', null for none), `origin`, `ca`
 */
export async function rawSocket(url, { protocol = 'sip', origin, ca } = {}) {
  const socket = new WebSocket(url, protocol ? [protocol] : [], { origin, ca, maxPayload: 0 });
  const inbox = [];
  const waiting = [];
  socket.on('message', (data) => {
    const text = data.toString('utf8');
    const waiter = waiting.shift();
    if (waiter) waiter(text); else inbox.push(text);
  });
  const closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await withTimeout(new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  }), WAIT_MS, `a WebSocket to ${url}`);
  return {
    /** Sends bytes as one WebSocket message, text or binary, optionally in fragments. */
    send(bytes, { binary = false, fragments = 1 } = {}) {
      const size = Math.ceil(bytes.length / fragments);
      for (let i = 0; i < fragments; i++) {
        socket.send(bytes.subarray(i * size, (i + 1) * size), { binary, fin: i === fragments - 1 });
      }
    },
    /** The next message wisp sends, as text. */
    nextMessage() {
      if (inbox.length > 0) return Promise.resolve(inbox.shift());
      return withTimeout(new Promise((resolve) => waiting.push(resolve)), WAIT_MS, 'a message from wisp');
    },
    /** How wisp closed the connection. */
    closed: () => withTimeout(closed, WAIT_MS, 'wisp to close the WebSocket'),
    close() {
      socket.close(1000);
      return withTimeout(closed, WAIT_MS, 'the WebSocket to close');
    },
  };
}

/** Attempts a handshake that wisp should refuse; resolves with the HTTP status and body. */
export function refusedHandshake(url, { protocol, origin, ca } = {}) {
  const socket = new WebSocket(url, protocol ? [protocol] : [], { origin, ca });
  return withTimeout(new Promise((resolve, reject) => {
    socket.once('open', () => reject(new Error('the handshake was accepted')));
    socket.once('unexpected-response', (request, response) => {
      let body = '';
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    socket.once('error', () => {}); // follows unexpected-response
  }), WAIT_MS, `wisp to refuse a handshake to ${url}`);
}
