// How far a transfer has come, how fast it goes (over the last few seconds) and how long is left.

const WINDOW_MS = 3000;

export class ProgressMeter {
  #total;
  #now;
  #samples = [];

  /**
   * @param {number} total bytes to move
   * @param {() => number} [now] milliseconds, injectable for tests
   */
  constructor(total, now = () => performance.now()) {
    this.#total = total;
    this.#now = now;
  }

  /** Records that `bytes` have been moved so far; returns the figures to show. */
  update(bytes) {
    const at = this.#now();
    this.#samples.push({ at, bytes });
    while (this.#samples.length > 2 && at - this.#samples[0].at > WINDOW_MS) this.#samples.shift();
    const first = this.#samples[0];
    const seconds = (at - first.at) / 1000;
    const rate = seconds > 0 ? (bytes - first.bytes) / seconds : 0;
    const left = this.#total - bytes;
    return {
      bytes,
      total: this.#total,
      fraction: this.#total === 0 ? 1 : bytes / this.#total,
      rate,
      secondsLeft: rate > 0 ? left / rate : Infinity,
    };
  }
}
