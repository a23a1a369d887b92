// Errors a person may see. `code` says what happened, so the UI can explain it and tests can check it.

export const ErrorCode = Object.freeze({
  OFFLINE: 'offline', // the recipient is not registered (404/480)
  CONNECTION_LOST: 'connection-lost', // the peer vanished mid-transfer
  WRONG_PASSPHRASE: 'wrong-passphrase', // the recipient could not prove the passphrase
  MISMATCH: 'mismatch', // the received bytes do not hash to what was offered
  REJECTED: 'rejected', // the call failed for another SIP reason
  SIGNALLING: 'signalling', // wisp could not be reached or refused registration
  FILE_UNREADABLE: 'file-unreadable', // the browser could not read the chosen file
});

export class WispError extends Error {
  /**
   * @param {string} code one of ErrorCode
   * @param {string} message for a person
   */
  constructor(code, message) {
    super(message);
    this.name = 'WispError';
    this.code = code;
  }
}
