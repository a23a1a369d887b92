// The page's SIP user agent: plain JsSIP, registered through wisp on the page's own origin. It
// speaks to the rest of the page only through events:
//   'status'    {state: 'connecting'|'registered'|'reconnecting'|'failed', reason}
//   'incoming'  {call: IncomingCall} a file offer arrived
import JsSIP from 'jssip';
import { IncomingCall, OutgoingCall } from './call.js';
import { readFileOffer } from './file-offer-sdp.js';

export class Signalling extends EventTarget {
  #url;
  #domain;
  #ua = null;
  #connected = false;

  /**
   * @param {string} url the wisp WebSocket URL, e.g. wss://host:8443
   * @param {string} domain the SIP domain every user of this page shares
   */
  constructor(url, domain) {
    super();
    this.#url = url;
    this.#domain = domain;
  }

  get domain() {
    return this.#domain;
  }

  /** Registers as `name`, replacing any earlier registration of this page. */
  connect(name) {
    this.#ua?.stop();
    this.#connected = false;
    this.#status('connecting');
    const ua = new JsSIP.UA({
      sockets: [new JsSIP.WebSocketInterface(this.#url)],
      uri: `sip:${name}@${this.#domain}`,
      display_name: name,
      register: true,
      session_timers: false,
      user_agent: 'wisp web client',
      // After a lost connection JsSIP retries with backoff between these bounds (seconds) and
      // registers again once connected.
      connection_recovery_min_interval: 1,
      connection_recovery_max_interval: 30,
    });
    const current = () => this.#ua === ua;
    ua.on('connected', () => { if (current()) this.#connected = true; });
    ua.on('disconnected', () => {
      if (current()) this.#status('reconnecting', this.#connected ? 'connection to wisp lost' : 'wisp cannot be reached');
    });
    ua.on('registered', () => { if (current()) this.#status('registered', `as ${name}`); });
    ua.on('registrationFailed', ({ response, cause }) => {
      if (!current()) return;
      if (response) this.#status('failed', `${response.status_code} ${response.reason_phrase}`);
      else this.#status('reconnecting', cause);
    });
    ua.on('newRTCSession', ({ originator, session, request }) => {
      if (current() && originator === 'remote') this.#incoming(session, request);
    });
    this.#ua = ua;
    ua.start();
  }

  /** Offers a file to `peer`; `describe` adds the file's description to the SDP offer. */
  call(peer, describe) {
    return new OutgoingCall(this.#ua, peer, `sip:${peer}@${this.#domain}`, describe);
  }

  #incoming(session, request) {
    const offer = readFileOffer(request.body ?? '');
    if (!offer) {
      session.terminate({ status_code: 488, reason_phrase: 'Not a File Offer' });
      return;
    }
    const peer = request.from.uri.user;
    this.dispatchEvent(Object.assign(new Event('incoming'), { call: new IncomingCall(session, peer, offer) }));
  }

  #status(state, reason = '') {
    this.dispatchEvent(Object.assign(new Event('status'), { state, reason }));
  }
}
