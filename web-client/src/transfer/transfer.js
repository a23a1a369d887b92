// One file moving between two people, as both the engine and the page see it. The engine drives
// it; the page listens to its 'change' events and calls cancel(). Nothing here knows about SIP.
import { ErrorCode, WispError } from '../errors.js';
import { ProgressMeter } from './progress.js';
import { State, TransferState } from './transfer-state.js';

let lastId = 0;

export class Transfer extends EventTarget {
  #state = new TransferState();
  #meter;
  #abort = new AbortController();
  #lostGraceMs;
  #losing = null;
  #now;

  /**
   * @param {object} init
   * @param {'out'|'in'} init.direction
   * @param {string} init.peer the other person's name
   * @param {{name: string, size: number, type: string}} init.file
   * @param {string} [init.sha256] hex, when known
   * @param {() => number} [init.now] milliseconds, injectable for tests
   * @param {number} [init.lostGraceMs] see connectionLost()
   */
  constructor({ direction, peer, file, sha256 = null, now, lostGraceMs = 0 }) {
    super();
    this.id = `transfer-${++lastId}`;
    this.direction = direction;
    this.peer = peer;
    this.file = { name: file.name, size: file.size, type: file.type || 'application/octet-stream' };
    this.sha256 = sha256;
    this.error = null;
    this.progress = { bytes: 0, total: file.size, fraction: 0, rate: 0, secondsLeft: Infinity };
    /** While the sender hashes the file before offering it: how far it got (0..1); else null. */
    this.preparingFraction = null;
    /** Milliseconds (of `now`) when bytes started to move and when the transfer ended. */
    this.startedAt = null;
    this.endedAt = null;
    this.#now = now ?? (() => performance.now());
    this.#meter = new ProgressMeter(file.size, this.#now);
    this.#lostGraceMs = lostGraceMs;
  }

  get state() {
    return this.#state.value;
  }

  get isFinal() {
    return this.#state.isFinal;
  }

  /** Aborted when the transfer ends, whatever ends it: engines stop their waits on it. */
  get signal() {
    return this.#abort.signal;
  }

  /** The person (or the other side) gives up. */
  cancel() {
    this.moveTo(State.CANCELLED);
  }

  decline() {
    this.moveTo(State.DECLINED);
  }

  /** Ends the transfer with an error a person can read. */
  fail(code, message) {
    if (this.isFinal) return;
    this.error = new WispError(code, message);
    this.moveTo(State.FAILED);
  }

  /**
   * The peer-to-peer connection went away. When the other side cancels, its BYE comes through
   * wisp while the connection closes directly, and either may arrive first: so the transfer waits
   * `lostGraceMs` for a cancel to explain the loss before it fails with "connection lost".
   */
  connectionLost() {
    if (this.isFinal || this.#losing !== null) return;
    const lost = () => this.fail(ErrorCode.CONNECTION_LOST, 'connection lost');
    if (this.#lostGraceMs > 0) this.#losing = setTimeout(lost, this.#lostGraceMs);
    else lost();
  }

  /** Average bytes per second from the first byte to the end, once done. */
  get averageRate() {
    if (this.startedAt === null || this.endedAt === null || this.endedAt <= this.startedAt) return 0;
    return this.file.size / ((this.endedAt - this.startedAt) / 1000);
  }

  /** Moves to `state` if the life of a transfer allows it, and tells the listeners. */
  moveTo(state) {
    if (!this.#state.moveTo(state)) return false;
    if (state === State.TRANSFERRING) this.startedAt = this.#now();
    if (this.isFinal) {
      this.endedAt = this.#now();
      clearTimeout(this.#losing);
      this.released();
      this.#abort.abort();
    }
    this.#changed();
    return true;
  }

  /** Records bytes moved so far and tells the listeners. */
  advance(bytes) {
    this.progress = this.#meter.update(bytes);
    this.#changed();
  }

  /** Records how far the file's hashing got before the offer goes out. */
  preparing(fraction) {
    if (this.isFinal) return;
    this.preparingFraction = fraction < 1 ? fraction : null;
    this.#changed();
  }

  /** Called once the transfer is over: subclasses drop what they hold. */
  released() {}

  #changed() {
    this.dispatchEvent(new Event('change'));
  }
}
