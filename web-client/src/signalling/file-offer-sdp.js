// The file travels in the SDP offer itself, RFC 5547 style, so the recipient can decide before a
// single byte moves:
//
//   a=file-selector:name:"report%202026.pdf" type:application/pdf size:48213 hash:sha-256:3A:F0:...
//   a=x-wisp-passphrase:required        when the sender set a passphrase
//
// The name is percent-encoded (RFC 5547 section 6 escapes within the quoted name); browsers
// ignore attributes they do not know, so the SDP still sets up the DataChannel unchanged.

const SELECTOR = 'a=file-selector:';
const PASSPHRASE = 'a=x-wisp-passphrase:required';
const MIME = /^[\w.+-]+\/[\w.+-]+$/;

/** The offer SDP with the file's description added to its (DataChannel) media section. */
export function describeFile(sdp, { name, size, type, sha256, protectedByPassphrase }) {
  const hash = sha256.toUpperCase().match(/../g).join(':');
  const lines = [
    `${SELECTOR}name:"${encodeURIComponent(name)}" type:${MIME.test(type) ? type : 'application/octet-stream'} `
      + `size:${size} hash:sha-256:${hash}`,
  ];
  if (protectedByPassphrase) lines.push(PASSPHRASE);
  const body = sdp.endsWith('\r\n') ? sdp : `${sdp}\r\n`;
  return `${body}${lines.join('\r\n')}\r\n`;
}

/** The file an offer SDP describes, or null if it describes none (or describes it badly). */
export function readFileOffer(sdp) {
  const line = sdp.split(/\r?\n/).find((l) => l.startsWith(SELECTOR));
  if (!line) return null;
  const match = /name:"([^"]*)" type:(\S+) size:(\d+) hash:sha-256:([0-9A-Fa-f:]{95})/.exec(line);
  if (!match) return null;
  let name;
  try {
    name = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return {
    name: name.replace(/[/\\]/g, '_'), // a name, never a path
    type: MIME.test(match[2]) ? match[2] : 'application/octet-stream',
    size: Number(match[3]),
    sha256: match[4].replaceAll(':', '').toLowerCase(),
    protectedByPassphrase: sdp.split(/\r?\n/).includes(PASSPHRASE),
  };
}
