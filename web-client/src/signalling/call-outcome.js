// What a failed SIP call means to a person sending a file.
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
