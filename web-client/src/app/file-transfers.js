// The page's model: joins SIP calls (signalling) to transfer engines, one call per file per
// recipient. It tells the page what happens only through events:
//   'transfer'  {transfer}  a transfer to show (sending, or an accepted offer)
//   'offer'     {offer}     an incoming offer to decide on; the offer fires 'withdrawn' if the
//                           sender gives up first
import { ErrorCode } from '../errors.js';
import { endedCall, failedCall } from '../signalling/call-outcome.js';
import { describeFile } from '../signalling/file-offer-sdp.js';
import { sha256OfBlob } from '../transfer/digest.js';
import { FileReceiver } from '../transfer/receiver.js';
import { FileSender } from '../transfer/sender.js';
import { State } from '../transfer/transfer-state.js';

/** How long a recipient whose transfer ended waits for the sender's BYE before sending its own. */
const SENDER_HANGS_UP_MS = 5000;
/** How long a lost connection waits for a BYE that explains it as a cancel (Transfer.connectionLost). */
const LOST_GRACE_MS = 1500;

/** An offer waiting for the recipient's decision. */
export class IncomingOffer extends EventTarget {
  #accept;
  #decline;

  constructor(call, accept, decline) {
    super();
    this.from = call.peer;
    this.file = call.offer;
    this.protectedByPassphrase = call.offer.protectedByPassphrase;
    this.#accept = accept;
    this.#decline = decline;
  }

  /** Accepts; for a protected offer, `passphrase` is the recipient's answer. */
  accept(passphrase = '') {
    return this.#accept(passphrase);
  }

  decline() {
    this.#decline();
  }
}

export class FileTransfers extends EventTarget {
  #signalling;
  #hashes = new WeakMap();
  #senderOptions;

  /**
   * @param {EventTarget & {call: Function}} signalling
   * @param {object} [options] senderOptions: chunking and buffering for FileSender
   */
  constructor(signalling, { senderOptions = {} } = {}) {
    super();
    this.#signalling = signalling;
    this.#senderOptions = senderOptions;
    signalling.addEventListener('incoming', ({ call }) => this.#offered(call));
  }

  /** Offers every file to every peer, each on a session of its own; returns the transfers. */
  send(peers, files, passphrase = '') {
    const transfers = [];
    for (const file of files) {
      for (const peer of peers) {
        const transfer = new FileSender({ peer, file, passphrase, options: this.#senderOptions, lostGraceMs: LOST_GRACE_MS });
        transfers.push(transfer);
        this.#emit('transfer', { transfer });
        this.#offer(transfer, file, passphrase);
      }
    }
    return transfers;
  }

  async #offer(transfer, file, passphrase) {
    try {
      transfer.sha256 = await this.#hash(file, transfer);
    } catch (error) {
      transfer.fail(ErrorCode.FILE_UNREADABLE, `could not read ${file.name}: ${error.message}`);
      return;
    }
    if (transfer.isFinal) return; // cancelled while the file was being hashed
    const call = this.#signalling.call(transfer.peer, (sdp) => describeFile(sdp, {
      ...transfer.file, sha256: transfer.sha256, protectedByPassphrase: passphrase !== '',
    }));
    call.addEventListener('failed', ({ status, cause }) => {
      const outcome = failedCall(status, cause, transfer.peer);
      if (outcome.kind === 'declined') transfer.decline();
      else if (outcome.kind === 'cancelled') transfer.cancel();
      else transfer.fail(outcome.code, outcome.message);
    });
    call.addEventListener('accepted', async () => {
      transfer.send(await call.channel, call.context(), call.maxMessageSize());
    });
    this.#follow(call, transfer, () => call.hangUp(transfer.error?.code));
  }

  /** Hashes a file once, however many recipients it goes to, showing progress on `transfer`. */
  #hash(file, transfer) {
    if (!this.#hashes.has(file)) {
      const watchers = new Set();
      const hashing = sha256OfBlob(file, (fraction) => watchers.forEach((watch) => watch(fraction)));
      this.#hashes.set(file, { hashing, watchers });
    }
    const { hashing, watchers } = this.#hashes.get(file);
    watchers.add((fraction) => transfer.preparing(fraction));
    return hashing;
  }

  #offered(call) {
    let receiver = null;
    const offer = new IncomingOffer(call, (passphrase) => {
      receiver = new FileReceiver({ peer: call.peer, offer: call.offer, passphrase, lostGraceMs: LOST_GRACE_MS });
      this.#emit('transfer', { transfer: receiver });
      this.#follow(call, receiver, () => {
        if (receiver.state === State.CANCELLED) {
          call.hangUp();
        } else {
          // The sender's BYE normally comes first; this one is for a sender that went quiet.
          setTimeout(() => call.hangUp(receiver.error?.code), SENDER_HANGS_UP_MS);
        }
      });
      call.addEventListener('failed', () => receiver.connectionLost());
      call.channel.then((channel) => receiver.receive(channel, call.context()));
      call.accept();
      return receiver;
    }, () => call.decline());
    call.addEventListener('failed', () => {
      if (receiver === null) offer.dispatchEvent(new Event('withdrawn'));
    });
    this.#emit('offer', { offer });
  }

  /** What a call's end means to its transfer, and what the transfer's end means to the call. */
  #follow(call, transfer, whenOver) {
    call.addEventListener('ended', ({ reason }) => {
      // A BYE before the end is a cancel, unless it says the other side failed.
      const outcome = endedCall(reason, call.peer);
      if (outcome.kind === 'failed') transfer.fail(outcome.code, outcome.message);
      else transfer.cancel();
    });
    call.addEventListener('connection-lost', () => transfer.connectionLost());
    transfer.addEventListener('change', function ended() {
      if (!transfer.isFinal) return;
      transfer.removeEventListener('change', ended);
      whenOver();
    });
  }

  #emit(type, detail) {
    this.dispatchEvent(Object.assign(new Event(type), detail));
  }
}
