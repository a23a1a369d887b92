// Runs inside a Chromium page for datachannel-rate.mjs: the bare DataChannel, signalled by plain
// JsSIP through wisp, bytes from memory, nothing read, hashed or drawn. What the web client gets
// below this is what its file reading, hashing and bookkeeping cost.
/* global JsSIP */
window.rawChannel = (() => {
  const noMedia = { mediaConstraints: { audio: false, video: false }, pcConfig: { iceServers: [] } };
  let ua;
  return {
    register(url, name) {
      return new Promise((resolve) => {
        ua = new JsSIP.UA({ sockets: [new JsSIP.WebSocketInterface(url)], uri: `sip:${name}@raw.test` });
        ua.once('registered', () => resolve());
        ua.start();
      });
    },
    /** Answers the next call; resolves with MiB/s from the first byte to the last of `size`. */
    receive(size) {
      return new Promise((resolve) => ua.once('newRTCSession', ({ session }) => {
        session.on('peerconnection', ({ peerconnection }) => peerconnection.addEventListener('datachannel', ({ channel }) => {
          channel.binaryType = 'arraybuffer';
          let received = 0;
          let first = 0;
          channel.onmessage = ({ data }) => {
            first ||= performance.now();
            received += data.byteLength;
            if (received >= size) resolve(size / 1048576 / ((performance.now() - first) / 1000));
          };
        }));
        session.answer(noMedia);
      }));
    },
    send(target, size, chunk, high) {
      const data = new Uint8Array(chunk);
      ua.call(target, {
        ...noMedia,
        eventHandlers: {
          peerconnection: ({ peerconnection }) => {
            const channel = peerconnection.createDataChannel('raw');
            channel.bufferedAmountLowThreshold = high / 4;
            channel.onopen = async () => {
              for (let sent = 0; sent < size; sent += chunk) {
                if (channel.bufferedAmount > high) {
                  await new Promise((resolve) => channel.addEventListener('bufferedamountlow', resolve, { once: true }));
                }
                channel.send(data);
              }
            };
          },
        },
      });
    },
  };
})();
