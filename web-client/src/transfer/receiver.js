// The receiving side of a transfer: answers the passphrase challenge, collects the bytes while
// hashing them, and offers the file for saving only if its SHA-256 is the one announced.
import { ErrorCode } from '../errors.js';
import { ChannelPort, KEEPALIVE } from './channel-port.js';
import { sha256 } from './digest.js';
import { prove } from './proof.js';
import { Message, control } from './protocol.js';
import { State } from './transfer-state.js';
import { Transfer } from './transfer.js';

export class FileReceiver extends Transfer {
  #passphrase;
  #keepAlive;
  #parts = [];
  /** The verified file, once done. */
  blob = null;

  /**
   * @param {object} init
   * @param {string} init.peer
   * @param {{name: string, size: number, type: string, sha256: string}} init.offer what the sender announced
   * @param {string} [init.passphrase] the recipient's answer to a protected offer
   * @param {() => number} [init.now]
   * @param {number} [init.lostGraceMs] see Transfer.connectionLost()
   * @param {object} [init.keepAlive] see ChannelPort.keepAlive()
   */
  constructor({ peer, offer, passphrase = '', now, lostGraceMs, keepAlive = KEEPALIVE }) {
    super({ direction: 'in', peer, file: offer, sha256: offer.sha256, now, lostGraceMs });
    this.#keepAlive = keepAlive;
    this.offered = offer.sha256;
    this.#passphrase = passphrase;
  }

  /**
   * Takes the transfer over `channel`; settles when it is over.
   * @param {RTCDataChannel} channel
   * @param {string} context the DTLS fingerprints, as for FileSender.send
   */
  async receive(channel, context) {
    const port = new ChannelPort(channel, this.signal); // listening from now on: nothing is lost
    let received = 0;
    try {
      const hasher = await sha256();
      const collect = (data) => {
        if (this.isFinal) return;
        const bytes = new Uint8Array(data);
        this.#parts.push(bytes);
        hasher.update(bytes);
        received += bytes.length;
        this.advance(received);
      };
      await port.opened();
      port.keepAlive(() => this.connectionLost(), this.#keepAlive);
      for (;;) {
        const message = await port.nextControl(Message.CHALLENGE, Message.DENIED, Message.START, Message.END);
        if (message.type === Message.CHALLENGE) {
          port.send(control(Message.PROOF, { proof: await prove(this.#passphrase, message.nonce, context) }));
        } else if (message.type === Message.DENIED) {
          this.fail(ErrorCode.WRONG_PASSPHRASE, 'wrong passphrase');
          return;
        } else if (message.type === Message.START) {
          this.moveTo(State.TRANSFERRING);
          port.onBinary(collect); // bytes only count once the sender has said they start
        } else {
          this.#verify(port, hasher.hex(), received);
          return;
        }
      }
    } catch {
      // Every wait here ends either because the transfer is over already or because the
      // connection went away.
      this.connectionLost();
    } finally {
      port.dispose();
    }
  }

  #verify(port, digest, received) {
    const ok = received === this.file.size && digest === this.offered;
    port.send(control(Message.RESULT, { ok, sha256: digest }));
    this.sha256 = digest;
    if (ok) {
      this.blob = new Blob(this.#parts, { type: this.file.type });
      this.#parts = [];
      this.moveTo(State.DONE);
    } else {
      this.fail(ErrorCode.MISMATCH, 'the file arrived damaged: its SHA-256 does not match the offer');
    }
  }

  released() {
    this.#parts = []; // a cancelled or failed transfer keeps nothing
    if (this.state !== State.DONE) this.blob = null;
  }
}
