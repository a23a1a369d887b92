// What travels on a transfer's DataChannel: file bytes as binary messages, and control messages
// as JSON text, each with a type:
//
//   sender -> recipient   challenge {nonce}   only for a passphrase-protected offer
//   recipient -> sender   proof {proof}
//   sender -> recipient   denied              the proof was wrong; nothing will be sent
//   sender -> recipient   start               file bytes follow, in order
//   sender -> recipient   end                 that was the last byte
//   recipient -> sender   result {ok, sha256} what the recipient's hash says
//   either way            alive               every second, so a vanished peer is noticed fast
//
// The sender ends the session (BYE) once it has the result, so the result is never lost to the
// connection closing under it; either side may end the session earlier to cancel.

export const Message = Object.freeze({
  CHALLENGE: 'challenge',
  PROOF: 'proof',
  DENIED: 'denied',
  START: 'start',
  END: 'end',
  RESULT: 'result',
  ALIVE: 'alive',
});

export function control(type, fields = {}) {
  return JSON.stringify({ type, ...fields });
}

/** The control message in `data`, or null when it is file bytes or not one of ours. */
export function readControl(data) {
  if (typeof data !== 'string') return null;
  try {
    const message = JSON.parse(data);
    return Object.values(Message).includes(message?.type) ? message : null;
  } catch {
    return null;
  }
}
