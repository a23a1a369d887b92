// One SIP session carrying one file: a thin wrapper over a JsSIP RTCSession that hands the
// engine a DataChannel and reports what happens to the call as plain events:
//   'accepted'          the recipient answered (outgoing calls)
//   'failed'            {status, cause} the call never got going
//   'ended'             {by: 'local'|'remote', reason} BYE, from either side; reason is the
//                       remote BYE's Reason header (RFC 3326), or null
//   'connection-lost'   the peer-to-peer connection died without a BYE

import { hangUpOptions } from './call-outcome.js';

const DISCONNECTED_GRACE_MS = 4000;
const NO_MEDIA = { mediaConstraints: { audio: false, video: false }, pcConfig: { iceServers: [] } };

export class Call extends EventTarget {
  #session = null;
  #resolveChannel;
  #ended = false;

  constructor(peer) {
    super();
    this.peer = peer;
    this.channel = new Promise((resolve) => { this.#resolveChannel = resolve; });
  }

  /** The DTLS fingerprints of both sides, in a fixed order: binds a passphrase proof to this connection. */
  context() {
    const fingerprints = [this.#session.connection.localDescription, this.#session.connection.remoteDescription]
      .map((description) => /a=fingerprint:(.+)/.exec(description?.sdp ?? '')?.[1]?.trim() ?? '');
    return fingerprints.sort().join('|');
  }

  /** The largest DataChannel message both sides accept (what the SDPs negotiated). */
  maxMessageSize() {
    return this.#session.connection.sctp?.maxMessageSize || 65536;
  }

  /**
   * Ends the call (CANCEL before an answer, BYE after); does nothing once it has ended.
   * @param {string|null} [failure] the ErrorCode the transfer failed with, said in the BYE
   */
  hangUp(failure = null) {
    if (this.#ended || !this.#session || this.#session.isEnded()) return;
    this.#ended = true;
    this.#session.terminate(hangUpOptions(failure));
  }

  get ended() {
    return this.#ended;
  }

  get session() {
    return this.#session;
  }

  set session(session) {
    this.#session = session;
  }

  /** The JsSIP session events this class follows, by name, for session.on() or eventHandlers. */
  handlers() {
    return {
      failed: ({ message, cause }) => {
        this.#ended = true;
        this.#emit('failed', { status: message?.status_code, cause });
      },
      ended: ({ originator, message }) => {
        this.#ended = true;
        this.#emit('ended', {
          by: originator === 'local' ? 'local' : 'remote',
          reason: message?.getHeader?.('Reason') ?? null,
        });
      },
      peerconnection: ({ peerconnection }) => this.#watch(peerconnection),
    };
  }

  /** The DataChannel is ready to be handed over. */
  channelReady(channel) {
    this.#resolveChannel(channel);
  }

  #watch(connection) {
    let grace;
    connection.addEventListener('connectionstatechange', () => {
      clearTimeout(grace);
      if (connection.connectionState === 'failed') this.#emit('connection-lost');
      if (connection.connectionState === 'disconnected') {
        grace = setTimeout(() => this.#emit('connection-lost'), DISCONNECTED_GRACE_MS);
      }
    });
  }

  #emit(type, detail = {}) {
    this.dispatchEvent(Object.assign(new Event(type), detail));
  }
}

/** A call this page places: its offer creates the DataChannel and describes the file. */
export class OutgoingCall extends Call {
  /**
   * @param {object} ua the JsSIP UA
   * @param {string} peer
   * @param {string} target SIP URI
   * @param {(sdp: string) => string} describe adds the file's description to the offer
   */
  constructor(ua, peer, target, describe) {
    super(peer);
    const followed = this.handlers();
    // Handlers go in with the call: JsSIP fires some of them before ua.call() returns.
    this.session = ua.call(target, {
      ...NO_MEDIA,
      eventHandlers: {
        ...followed,
        peerconnection: (event) => {
          followed.peerconnection(event);
          // Created before JsSIP writes its offer, so the offer carries the DataChannel.
          this.channelReady(event.peerconnection.createDataChannel('file', { ordered: true }));
        },
        sdp: (event) => {
          if (event.originator === 'local' && event.type === 'offer') event.sdp = describe(event.sdp);
        },
        accepted: () => this.dispatchEvent(new Event('accepted')),
      },
    });
  }
}

/** A call this page receives: the offer is read from the INVITE; accept answers it, decline says 603. */
export class IncomingCall extends Call {
  constructor(session, peer, offer) {
    super(peer);
    this.offer = offer;
    this.session = session;
    for (const [event, handler] of Object.entries(this.handlers())) session.on(event, handler);
    session.on('peerconnection', ({ peerconnection }) => {
      peerconnection.addEventListener('datachannel', ({ channel }) => this.channelReady(channel));
    });
  }

  accept() {
    this.session.answer(NO_MEDIA);
  }

  decline() {
    this.session.terminate({ status_code: 603, reason_phrase: 'Decline' });
  }
}
