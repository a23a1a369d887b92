import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFile, readFileOffer } from '../src/signalling/file-offer-sdp.js';

const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=sctp-port:5000\r\n';
const sha256 = 'ab'.repeat(32);

test('the offer SDP carries name, size, type and SHA-256 in an RFC 5547 file-selector', () => {
  const offer = describeFile(sdp, { name: 'report.pdf', size: 48213, type: 'application/pdf', sha256, protectedByPassphrase: false });

  assert.ok(offer.startsWith(sdp), 'the DataChannel description is left as it was');
  assert.match(offer, /\r\na=file-selector:name:"report\.pdf" type:application\/pdf size:48213 hash:sha-256:AB:AB:.*\r\n$/);
  assert.deepEqual(readFileOffer(offer),
    { name: 'report.pdf', size: 48213, type: 'application/pdf', sha256, protectedByPassphrase: false });
});

test('awkward names survive the trip and never become paths', () => {
  for (const name of ['quote " and % and space.txt', 'ünïcødé ✓.bin', 'line\r\nbreak', '../../etc/passwd']) {
    const offer = describeFile(sdp, { name, size: 1, type: '', sha256, protectedByPassphrase: false });
    assert.equal(offer.split('\r\n').filter((line) => line.startsWith('a=file-selector')).length, 1, name);
    assert.equal(readFileOffer(offer).name, name.replace(/[/\\]/g, '_'));
  }
});

test('a passphrase-protected offer says so, and only its type is needed to decide', () => {
  const offer = describeFile(sdp, { name: 'x', size: 1, type: 'not a type', sha256, protectedByPassphrase: true });
  const read = readFileOffer(offer);
  assert.equal(read.protectedByPassphrase, true);
  assert.equal(read.type, 'application/octet-stream');
});

test('an SDP without a usable file description is not a file offer', () => {
  assert.equal(readFileOffer(sdp), null);
  assert.equal(readFileOffer(`${sdp}a=file-selector:name:"x" size:1\r\n`), null);
  assert.equal(readFileOffer(`${sdp}a=file-selector:name:"%E0%A4%A" type:a/b size:1 hash:sha-256:${'AB:'.repeat(31)}AB\r\n`), null);
});
