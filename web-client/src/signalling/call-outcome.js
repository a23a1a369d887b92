// What the end of a SIP call means to a person moving a file, and what a failed transfer says
// in the BYE that ends its call.
import { ErrorCode } from '../errors.js';

/**
 * @param {number|undefined} status the final response status, if one came
 * @param {string} cause JsSIP's cause when none did
 * @param {string} peer the recipient's name
 * @returns {{kind: 'declined'|'cancelled'|'failed', code?: string, message?: string}}
 */
export function failedCall(status, cause, peer) {
  if (status === 404 || status === 480 || status === 410 || status === 604) {
    return { kind: 'failed', code: ErrorCode.OFFLINE, message: `${peer} is not online` };
  }
  if (status === 603 || status === 486 || status === 600) {
    return { kind: 'declined' };
  }
  if (status === 487) {
    return { kind: 'cancelled' };
  }
  if (status) {
    return { kind: 'failed', code: ErrorCode.REJECTED, message: `the call failed: ${status} ${cause}` };
  }
  return { kind: 'failed', code: ErrorCode.SIGNALLING, message: `the call failed: ${cause}` };
}

/**
 * Transfer failures the BYE ending the call names in an RFC 3326 Reason header: cause, a SIP
 * status that fits, and what the other side shows. The BYE goes through wisp while the
 * DataChannel's last message (say, "wrong passphrase") goes peer to peer, and the BYE may
 * arrive first or alone; carrying the reason in it means the other side never mistakes a
 * failure for a cancel.
 */
const SAID_IN_BYE = Object.freeze({
  [ErrorCode.WRONG_PASSPHRASE]: { cause: 403, message: () => 'wrong passphrase' },
  [ErrorCode.MISMATCH]: { cause: 400, message: () => 'the file arrived damaged: its SHA-256 does not match the offer' },
  [ErrorCode.FILE_UNREADABLE]: { cause: 500, message: (peer) => `${peer} could not read the file` },
  [ErrorCode.CONNECTION_LOST]: { cause: 408, message: () => 'connection lost' },
});

/**
 * JsSIP terminate() options for ending a call whose transfer failed with `code` (or ended any
 * other way, when `code` is null): a failure the other side understands rides in the Reason.
 * @param {string|null|undefined} code an ErrorCode
 */
export function hangUpOptions(code) {
  const said = code ? SAID_IN_BYE[code] : undefined;
  return said ? { status_code: said.cause, reason_phrase: code } : {};
}

/**
 * What the other side's BYE means: a cancel, unless its Reason names a transfer failure.
 * @param {string|null|undefined} reason the BYE's Reason header value
 * @param {string} peer the other person's name
 * @returns {{kind: 'cancelled'|'failed', code?: string, message?: string}}
 */
export function endedCall(reason, peer) {
  const code = /\btext="([^"]*)"/.exec(reason ?? '')?.[1];
  const said = code && Object.hasOwn(SAID_IN_BYE, code) ? SAID_IN_BYE[code] : undefined;
  return said ? { kind: 'failed', code, message: said.message(peer) } : { kind: 'cancelled' };
}
