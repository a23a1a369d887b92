// The sending side of a transfer: proves the recipient knows the passphrase (if one is set), then
// streams the file in chunks with backpressure, and learns from the recipient whether it verified.
import { ErrorCode } from '../errors.js';
import { ChannelPort, KEEPALIVE } from './channel-port.js';
import { chunks } from './chunker.js';
import { newNonce, verify } from './proof.js';
import { Message, control } from './protocol.js';
import { State } from './transfer-state.js';
import { Transfer } from './transfer.js';

/**
 * Chromium closes a DataChannel whose send queue would pass 16 MiB, so the high-water mark plus
 * one chunk must stay below that.
 */
export const MAX_BUFFERED = 16 * 1024 * 1024;

/** Tuned on Chromium: see web-client/README.md, "Throughput". */
export const SEND_DEFAULTS = Object.freeze({
  chunkSize: 256 * 1024,
  highWater: 4 * 1024 * 1024,
  lowWater: 1024 * 1024,
});

export class FileSender extends Transfer {
  #file;
  #passphrase;
  #options;
  #keepAlive;

  /**
   * @param {object} init
   * @param {string} init.peer
   * @param {Blob & {name: string}} init.file read as it is sent, never whole
   * @param {string} [init.sha256] the file's hash as announced in the offer; may be set later
   * @param {string} [init.passphrase] empty for none
   * @param {object} [init.options] chunkSize, highWater, lowWater
   * @param {() => number} [init.now]
   * @param {number} [init.lostGraceMs] see Transfer.connectionLost()
   * @param {object} [init.keepAlive] see ChannelPort.keepAlive()
   */
  constructor({ peer, file, sha256 = null, passphrase = '', options = {}, now, lostGraceMs, keepAlive = KEEPALIVE }) {
    super({ direction: 'out', peer, file, sha256, now, lostGraceMs });
    this.#keepAlive = keepAlive;
    this.#file = file;
    this.#passphrase = passphrase;
    this.#options = { ...SEND_DEFAULTS, ...options };
    const { chunkSize, highWater, lowWater } = this.#options;
    if (highWater + chunkSize >= MAX_BUFFERED || lowWater > highWater || chunkSize < 1) {
      throw new RangeError(`chunk ${chunkSize}, high ${highWater}, low ${lowWater} (expected: `
        + `0 < chunk, low <= high, high + chunk < ${MAX_BUFFERED})`);
    }
  }

  get protectedByPassphrase() {
    return this.#passphrase !== '';
  }

  /**
   * Runs the transfer over `channel` once the recipient accepted; settles when it is over.
   * @param {RTCDataChannel} channel
   * @param {string} context what binds a passphrase proof to this connection (the DTLS fingerprints)
   * @param {number} [maxMessageSize] the largest message the connection carries (its SCTP
   *   transport's maxMessageSize); chunks are cut no larger
   */
  async send(channel, context, maxMessageSize = Infinity) {
    const port = new ChannelPort(channel, this.signal);
    try {
      await port.opened();
      port.keepAlive(() => this.connectionLost(), this.#keepAlive);
      if (this.protectedByPassphrase && !(await this.#recipientKnowsPassphrase(port, context))) {
        port.send(control(Message.DENIED));
        this.fail(ErrorCode.WRONG_PASSPHRASE, `${this.peer} did not give the right passphrase`);
        return;
      }
      port.send(control(Message.START));
      this.moveTo(State.TRANSFERRING);
      await this.#stream(port, Math.min(this.#options.chunkSize, maxMessageSize));
      port.send(control(Message.END));
      const result = await port.nextControl(Message.RESULT);
      if (result.ok && result.sha256 === this.sha256) {
        this.moveTo(State.DONE);
      } else {
        this.fail(ErrorCode.MISMATCH, `the file arrived damaged at ${this.peer}: SHA-256 does not match`);
      }
    } catch (error) {
      this.#failedWith(error);
    } finally {
      port.dispose();
    }
  }

  async #recipientKnowsPassphrase(port, context) {
    const nonce = newNonce();
    port.send(control(Message.CHALLENGE, { nonce }));
    const { proof } = await port.nextControl(Message.PROOF);
    return verify(this.#passphrase, nonce, context, proof);
  }

  async #stream(port, chunkSize) {
    const { highWater, lowWater } = this.#options;
    let sent = 0;
    for await (const chunk of chunks(this.#file, chunkSize)) {
      if (this.isFinal) return;
      await port.room(highWater, lowWater);
      port.send(chunk);
      sent += chunk.length;
      this.advance(Math.max(0, sent - port.bufferedAmount));
    }
    this.advance(sent);
  }

  #failedWith(error) {
    if (this.isFinal) return; // cancelled or failed already: the wait was cut short on purpose
    if (error?.code === ErrorCode.CONNECTION_LOST) this.connectionLost();
    else this.fail(ErrorCode.FILE_UNREADABLE, `could not read ${this.file.name}: ${error?.message ?? error}`);
  }
}
