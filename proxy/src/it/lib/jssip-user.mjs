// An unmodified JsSIP user agent in Node, with promise-returning helpers that always time out.
import { withTimeout } from './time.mjs';

const WAIT_MS = 5_000;
let JsSIP;

async function jssip() {
  JsSIP ??= (await import('jssip')).default;
  return JsSIP;
}

/**
 * The URI of wisp itself for the domain (no user part). JsSIP appends the domain to any string
 * target without '@', so a URI object is the only way to address the server.
 */
export async function serverUri(domain) {
  const { URI } = await jssip();
  return new URI('sip', undefined, domain);
}

/** A JsSIP UA for sip:<name>@example.test over `url` (ws:// or wss://), connected but not registered. */
export async function jssipUser(url, name) {
  const { UA, WebSocketInterface } = await jssip();
  const ua = new UA({
    sockets: [new WebSocketInterface(url)],
    uri: `sip:${name}@example.test`,
    register: false,
    connection_recovery_min_interval: 1,
    connection_recovery_max_interval: 2,
  });
  const received = [];
  const waiting = [];
  ua.on('newMessage', ({ originator, request }) => {
    if (originator !== 'remote') return;
    const body = request.body;
    const waiter = waiting.shift();
    if (waiter) waiter(body); else received.push(body);
  });
  const connected = new Promise((resolve) => ua.once('connected', resolve));
  ua.start();
  await withTimeout(connected, WAIT_MS, `${name} to connect`);

  return {
    ua,
    name,
    uri: `sip:${name}@example.test`,

    register() {
      return withTimeout(new Promise((resolve, reject) => {
        ua.once('registered', resolve);
        ua.once('registrationFailed', ({ cause }) => reject(new Error(`${name} registration failed: ${cause}`)));
        ua.register();
      }), WAIT_MS, `${name} to register`);
    },

    unregister() {
      return withTimeout(new Promise((resolve) => {
        ua.once('unregistered', resolve);
        ua.unregister();
      }), WAIT_MS, `${name} to unregister`);
    },

    /** Sends a MESSAGE; resolves with the final status code, whether 2xx or not. */
    message(target, body) {
      return withTimeout(new Promise((resolve) => {
        ua.sendMessage(target, body, {
          eventHandlers: {
            succeeded: ({ response }) => resolve(response.status_code),
            failed: ({ response, cause }) => resolve(response ? response.status_code : cause),
          },
        });
      }), WAIT_MS, `${name}'s MESSAGE to ${target}`);
    },

    /** The body of the next MESSAGE this user receives. */
    nextMessage() {
      if (received.length > 0) return Promise.resolve(received.shift());
      return withTimeout(new Promise((resolve) => waiting.push(resolve)), WAIT_MS, `a MESSAGE for ${name}`);
    },

    /** Sends an OPTIONS; resolves with the final response. */
    options(target) {
      return withTimeout(new Promise((resolve, reject) => {
        ua.sendOptions(target, null, {
          eventHandlers: {
            succeeded: ({ response }) => resolve(response),
            failed: ({ response, cause }) => (response ? resolve(response) : reject(new Error(cause))),
          },
        });
      }), WAIT_MS, `${name}'s OPTIONS to ${target}`);
    },

    stop() {
      const disconnected = new Promise((resolve) => ua.once('disconnected', resolve));
      ua.stop();
      return withTimeout(disconnected, WAIT_MS, `${name} to disconnect`);
    },
  };
}
