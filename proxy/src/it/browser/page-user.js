// Runs inside a Chromium page served by wisp: one user of plain JsSIP (bundled from npm) with a
// real RTCPeerConnection, driven by datachannel.test.mjs through window.wispUser.
/* global JsSIP */
window.wispUser = (() => {
  const CHUNK = 64 * 1024;
  const HIGH_WATER = 8 * 1024 * 1024;
  let ua;
  let session;
  let endedBy;
  const ended = new Promise((resolve) => { endedBy = resolve; });
  const fromPeer = []; // in-dialog requests the other side sent: "UPDATE", "INFO <body>"


  const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const noMedia = { mediaConstraints: { audio: false, video: false }, pcConfig: { iceServers: [] } };

  function follow(s) {
    session = s;
    s.on('ended', ({ originator }) => endedBy(originator));
    s.on('failed', ({ cause }) => endedBy(`failed: ${cause}`));
    s.on('update', () => fromPeer.push('UPDATE')); // emitted for received UPDATEs only
    s.on('newInfo', ({ originator, request }) => originator === 'remote' && fromPeer.push(`INFO ${request.body}`));
  }

  return {
    register(url, name) {
      return new Promise((resolve, reject) => {
        ua = new JsSIP.UA({ sockets: [new JsSIP.WebSocketInterface(url)], uri: `sip:${name}@example.test` });
        ua.once('registered', () => resolve());
        ua.once('registrationFailed', ({ cause }) => reject(new Error(`registration failed: ${cause}`)));
        ua.start();
      });
    },

    /** Answers the next call and receives one file on its DataChannel: resolves with size and SHA-256. */
    receiveFile() {
      return new Promise((resolve, reject) => {
        ua.once('newRTCSession', ({ session: incoming }) => {
          follow(incoming);
          incoming.on('failed', ({ cause }) => reject(new Error(`call failed: ${cause}`)));
          incoming.on('peerconnection', ({ peerconnection }) => {
            peerconnection.addEventListener('datachannel', ({ channel }) => {
              channel.binaryType = 'arraybuffer';
              const chunks = [];
              let received = 0;
              let expected = -1;
              channel.onmessage = async ({ data }) => {
                if (typeof data === 'string') {
                  expected = JSON.parse(data).size;
                } else {
                  chunks.push(data);
                  received += data.byteLength;
                }
                if (received === expected) {
                  const digest = await crypto.subtle.digest('SHA-256', await new Blob(chunks).arrayBuffer());
                  resolve({ size: received, sha256: hex(digest) });
                }
              };
            });
          });
          incoming.answer(noMedia);
        });
      });
    },

    /** Calls `target` and sends `size` random bytes on a DataChannel, with backpressure. */
    async sendFile(target, size) {
      const data = new Uint8Array(size);
      for (let offset = 0; offset < size; offset += 65536) {
        crypto.getRandomValues(data.subarray(offset, Math.min(offset + 65536, size)));
      }
      const sha256 = hex(await crypto.subtle.digest('SHA-256', data));
      return new Promise((resolve, reject) => {
        const outgoing = ua.call(target, {
          ...noMedia,
          eventHandlers: {
            failed: ({ cause }) => reject(new Error(`call failed: ${cause}`)),
            peerconnection: ({ peerconnection }) => {
              // Created before JsSIP writes its offer, so the SDP carries the DataChannel.
              const channel = peerconnection.createDataChannel('file');
              channel.binaryType = 'arraybuffer';
              channel.bufferedAmountLowThreshold = HIGH_WATER / 2;
              channel.onopen = async () => {
                const started = performance.now();
                channel.send(JSON.stringify({ size }));
                for (let offset = 0; offset < size; offset += CHUNK) {
                  if (channel.bufferedAmount > HIGH_WATER) {
                    await new Promise((r) => channel.addEventListener('bufferedamountlow', r, { once: true }));
                  }
                  channel.send(data.subarray(offset, Math.min(offset + CHUNK, size)));
                }
                resolve({ size, sha256, sendMs: performance.now() - started });
              };
            },
          },
        });
        follow(outgoing);
      });
    },

    /** Renegotiates the session with an UPDATE carrying a new offer (RFC 3311). */
    updateSession() {
      return new Promise((resolve, reject) => {
        if (!session.renegotiate({ useUpdate: true }, resolve)) reject(new Error('not ready to re-offer'));
      });
    },

    /** Sends an INFO in the dialog; resolves with the status of its answer. */
    sendInfo(body) {
      return new Promise((resolve) => {
        session.once('newInfo', ({ info }) => {
          info.on('succeeded', ({ response }) => resolve(response.status_code));
          info.on('failed', ({ response }) => resolve(response.status_code));
        });
        session.sendInfo('application/x-wisp-test', body);
      });
    },

    requestsFromPeer() {
      return fromPeer;
    },

    hangUp() {
      session.terminate();
    },

    /** Who ended the session ("local" or "remote"), once it has ended. */
    ended() {
      return ended;
    },

    offeredSdp() {
      return session.connection.localDescription.sdp;
    },
  };
})();
