// An unmodified SIP.js user agent in Node. Node has no WebRTC, so sessions use a custom
// SessionDescriptionHandler that writes the SDP a browser writes for a DataChannel-only session
// and remembers every SDP it was given, so tests can check wisp carried it untouched.
import { randomBytes } from 'node:crypto';
import { Registerer, RegistererState, UserAgent } from 'sip.js';
import { next, withTimeout } from './time.mjs';

const WAIT_MS = 5_000;

/** An SDP offer or answer for one DataChannel, as Chromium writes it; unique per call. */
export function dataChannelSdp(setup) {
  const fingerprint = [...randomBytes(32)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
  return [
    'v=0',
    `o=- ${BigInt.asUintN(62, randomBytes(8).readBigUInt64BE())} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=msid-semantic: WMS',
    'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
    'c=IN IP4 0.0.0.0',
    'a=candidate:1467250027 1 udp 2122260223 192.0.2.55 54400 typ host generation 0',
    `a=ice-ufrag:${randomBytes(3).toString('hex')}`,
    `a=ice-pwd:${randomBytes(12).toString('hex')}`,
    'a=ice-options:trickle',
    `a=fingerprint:sha-256 ${fingerprint}`,
    `a=setup:${setup}`,
    'a=mid:0',
    'a=sctp-port:5000',
    'a=max-message-size:262144',
    '',
  ].join('\r\n');
}

class DataChannelDescriptionHandler {
  constructor(sdp) {
    this.sdp = sdp;
  }

  getDescription() {
    const body = dataChannelSdp(this.sdp.received.length > 0 ? 'active' : 'actpass');
    this.sdp.generated.push(body);
    return Promise.resolve({ body, contentType: 'application/sdp' });
  }

  setDescription(body) {
    this.sdp.received.push(body);
    return Promise.resolve();
  }

  hasDescription(contentType) {
    return contentType === 'application/sdp';
  }

  sendDtmf() {
    return false;
  }

  close() {}
}

/**
 * A started SIP.js UA for sip:<name>@example.test over `url`. `onInvite` may be replaced by tests.
 * `options` are extra UserAgentOptions (e.g. sipExtension100rel).
 */
export async function sipjsUser(url, name, options = {}) {
  const sdp = { generated: [], received: [] };
  const user = {
    name,
    uri: UserAgent.makeURI(`sip:${name}@example.test`),
    sdp,
    onInvite: (invitation) => invitation.reject({ statusCode: 486 }),
  };
  user.ua = new UserAgent({
    uri: user.uri,
    transportOptions: { server: url },
    sessionDescriptionHandlerFactory: () => new DataChannelDescriptionHandler(sdp),
    logBuiltinEnabled: false,
    delegate: { onInvite: (invitation) => user.onInvite(invitation) },
    ...options,
  });
  await withTimeout(user.ua.start(), WAIT_MS, `${name} to connect`);
  user.registerer = new Registerer(user.ua);

  user.register = async () => {
    const registered = new Promise((resolve) => user.registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Registered) resolve();
    }));
    await user.registerer.register();
    await withTimeout(registered, WAIT_MS, `${name} to register`);
  };

  /** The tab closes: the WebSocket goes away without an un-REGISTER. */
  user.closeTab = () => withTimeout(user.ua.transport.disconnect(), WAIT_MS, `${name}'s socket to close`);

  user.stop = () => withTimeout(user.ua.stop(), WAIT_MS, `${name} to stop`);
  return user;
}

/** Resolves when `session` reaches `state`. */
export function reaches(session, state, what) {
  if (session.state === state) return Promise.resolve();
  return withTimeout(new Promise((resolve) => session.stateChange.addListener((now) => {
    if (now === state) resolve();
  })), WAIT_MS, what);
}

export { next };
