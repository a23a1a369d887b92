// The DataChannel as the transfer engine uses it: waits that end when the channel closes or the
// transfer is over, and backpressure through bufferedAmountLowThreshold. Works with anything
// shaped like an RTCDataChannel, so tests can hand it a fake.
import { ErrorCode, WispError } from '../errors.js';
import { Message, control, readControl } from './protocol.js';

const lost = () => new WispError(ErrorCode.CONNECTION_LOST, 'connection lost');
const over = () => new WispError('over', 'the transfer is over');

/**
 * A closing browser tab does not always close its DataChannels (no SCTP abort reaches the peer),
 * and ICE takes many seconds to declare the connection dead. So each side says "alive" every
 * second, and a peer silent for four is taken for gone.
 */
export const KEEPALIVE = Object.freeze({ everyMs: 1000, silenceMs: 4000 });

export class ChannelPort {
  #channel;
  #signal;
  #controls = [];
  #waiters = [];
  #closed = false;
  #onBinary = null;
  #earlyBinary = [];
  #listeners = [];
  #lastHeard = 0;
  #keepAlive = null;

  /**
   * @param {RTCDataChannel} channel
   * @param {AbortSignal} signal aborted when the transfer ends
   */
  constructor(channel, signal) {
    this.#channel = channel;
    this.#signal = signal;
    channel.binaryType = 'arraybuffer';
    this.#listen('message', ({ data }) => {
      this.#lastHeard = Date.now();
      const message = readControl(data);
      if (message?.type === Message.ALIVE) return;
      if (message === null) {
        if (typeof data === 'string') return;
        if (this.#onBinary) this.#onBinary(data);
        else this.#earlyBinary.push(data);
        return;
      }
      const index = this.#waiters.findIndex((waiter) => waiter.accepts(message.type));
      if (index >= 0) this.#waiters.splice(index, 1)[0].resolve(message);
      else this.#controls.push(message);
    });
    this.#listen('close', () => {
      this.#closed = true;
      for (const waiter of this.#waiters.splice(0)) waiter.reject(lost());
    });
    signal.addEventListener('abort', () => this.dispose(), { once: true });
  }

  get closed() {
    return this.#closed;
  }

  get bufferedAmount() {
    return this.#channel.bufferedAmount;
  }

  /** Resolves once the channel is open. */
  opened() {
    if (this.#channel.readyState === 'open') return Promise.resolve();
    return this.#until('open');
  }

  /** Sends, or throws connection lost when the channel is no longer open. */
  send(data) {
    if (this.#closed || this.#channel.readyState !== 'open') throw lost();
    this.#channel.send(data);
  }

  /**
   * Every binary message goes to `handler`, those that came before it was set first, in order:
   * a message that arrives while the engine is still getting ready is not lost.
   */
  onBinary(handler) {
    this.#onBinary = handler;
    for (const data of this.#earlyBinary.splice(0)) handler(data);
  }

  /**
   * The next control message of one of `types` (of any type if none are named), whether it
   * already arrived or is still to come.
   */
  nextControl(...types) {
    const accepts = (type) => types.length === 0 || types.includes(type);
    const index = this.#controls.findIndex((message) => accepts(message.type));
    if (index >= 0) return Promise.resolve(this.#controls.splice(index, 1)[0]);
    if (this.#closed) return Promise.reject(lost());
    if (this.#signal.aborted) return Promise.reject(over());
    return new Promise((resolve, reject) => this.#waiters.push({ accepts, resolve, reject }));
  }

  /**
   * Backpressure: resolves at once while no more than `highWater` bytes wait in the channel's
   * buffer, else when the buffer has drained to `lowWater` (the 'bufferedamountlow' event).
   */
  room(highWater, lowWater) {
    if (this.#channel.bufferedAmount <= highWater) return Promise.resolve();
    this.#channel.bufferedAmountLowThreshold = lowWater;
    return this.#until('bufferedamountlow');
  }

  /**
   * Says "alive" to the peer every `everyMs` and calls `silent()` once nothing at all has come
   * from it for `silenceMs`. Call once the channel is open; stops on dispose().
   */
  keepAlive(silent, { everyMs, silenceMs } = KEEPALIVE) {
    this.#lastHeard = Date.now();
    this.#keepAlive = setInterval(() => {
      if (Date.now() - this.#lastHeard > silenceMs) {
        clearInterval(this.#keepAlive);
        silent();
        return;
      }
      if (!this.#closed && this.#channel.readyState === 'open') this.#channel.send(control(Message.ALIVE));
    }, everyMs);
  }

  /** Removes every listener this port added and stops the keepalive. */
  dispose() {
    clearInterval(this.#keepAlive);
    this.#earlyBinary = [];
    for (const waiter of this.#waiters.splice(0)) waiter.reject(over());
    for (const [type, listener] of this.#listeners.splice(0)) this.#channel.removeEventListener(type, listener);
  }

  #listen(type, listener) {
    this.#channel.addEventListener(type, listener);
    this.#listeners.push([type, listener]);
  }

  /** Resolves on the channel's next `type` event; rejects if it closes or the transfer ends first. */
  #until(type) {
    if (this.#closed) return Promise.reject(lost());
    if (this.#signal.aborted) return Promise.reject(over());
    return new Promise((resolve, reject) => {
      const settle = (outcome) => {
        this.#channel.removeEventListener(type, onEvent);
        this.#channel.removeEventListener('close', onClose);
        this.#signal.removeEventListener('abort', onAbort);
        outcome();
      };
      const onEvent = () => settle(resolve);
      const onClose = () => settle(() => reject(lost()));
      const onAbort = () => settle(() => reject(over()));
      this.#channel.addEventListener(type, onEvent);
      this.#channel.addEventListener('close', onClose);
      this.#signal.addEventListener('abort', onAbort);
    });
  }
}
