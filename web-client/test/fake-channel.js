// Two connected stand-ins for RTCDataChannel, for testing the transfer engine without WebRTC.
// What one side sends the other receives in order, on later tasks. bufferedAmount counts bytes
// sent but not yet delivered; with `manual` delivery the test decides when they drain, which is
// how backpressure is tested.

class FakeChannel extends EventTarget {
  readyState = 'connecting';
  bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  binaryType = 'blob';
  /** Every message this side sent: strings, and byte counts for binary ones. */
  sent = [];
  peer = null;
  #pending = [];
  #manual;

  constructor(manual) {
    super();
    this.#manual = manual;
  }

  send(data) {
    if (this.readyState !== 'open') throw new Error(`send on a ${this.readyState} channel`);
    const size = typeof data === 'string' ? data.length : data.byteLength;
    // A real channel copies what it is given; so must the fake, or the sender could change it.
    const copy = typeof data === 'string' ? data : new Uint8Array(data).slice().buffer;
    this.sent.push(typeof data === 'string' ? data : size);
    this.bufferedAmount += size;
    this.#pending.push({ data: copy, size });
    if (!this.#manual) setImmediate(() => this.deliver(1));
  }

  /** Delivers up to `count` pending messages to the peer (all of them by default). */
  deliver(count = Infinity) {
    while (count-- > 0 && this.#pending.length > 0 && this.readyState === 'open') {
      const { data, size } = this.#pending.shift();
      const before = this.bufferedAmount;
      this.bufferedAmount -= size;
      this.peer.dispatchEvent(Object.assign(new Event('message'), { data }));
      if (before > this.bufferedAmountLowThreshold && this.bufferedAmount <= this.bufferedAmountLowThreshold) {
        this.dispatchEvent(new Event('bufferedamountlow'));
      }
    }
  }

  get pendingCount() {
    return this.#pending.length;
  }

  close() {
    for (const side of [this, this.peer]) {
      if (side.readyState === 'closed') continue;
      side.readyState = 'closed';
      setImmediate(() => side.dispatchEvent(new Event('close')));
    }
  }
}

/** A connected pair [sender side, recipient side]; call open() to open both. */
export function channelPair({ manual = false } = {}) {
  const a = new FakeChannel(manual);
  const b = new FakeChannel(manual);
  a.peer = b;
  b.peer = a;
  return {
    a,
    b,
    open() {
      for (const side of [a, b]) {
        side.readyState = 'open';
        side.dispatchEvent(new Event('open'));
      }
    },
  };
}

/** A File of `size` pseudo-random bytes. */
export function randomFile(size, name = 'data.bin', type = 'application/octet-stream') {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(offset + 65536, size)));
  }
  return new File([bytes], name, { type });
}

/** Resolves when `transfer` reaches a final state. */
export function settled(transfer) {
  if (transfer.isFinal) return Promise.resolve(transfer.state);
  return new Promise((resolve) => transfer.addEventListener('change', function listener() {
    if (transfer.isFinal) {
      transfer.removeEventListener('change', listener);
      resolve(transfer.state);
    }
  }));
}
