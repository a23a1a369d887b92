// JsSIP and SIP.js open their sockets with the global WebSocket, which Node 20 lacks: give them the
// `ws` package's, trusting the self-signed certificates of the wisps under test explicitly (and
// nothing else beyond the system's own).
import { rootCertificates } from 'node:tls';
import WebSocket from 'ws';

const trusted = [...rootCertificates];

class TrustingWebSocket extends WebSocket {
  constructor(url, protocols) {
    super(url, protocols, { ca: trusted });
  }
}

/** Trusts `ca` (a PEM certificate) for wss:// and installs the global WebSocket. */
export function trust(ca) {
  trusted.push(ca);
  globalThis.WebSocket = TrustingWebSocket;
}
