// The life of one file transfer, as both sides show it (and as data-state exposes it).

export const State = Object.freeze({
  OFFERING: 'offering',
  TRANSFERRING: 'transferring',
  DONE: 'done',
  DECLINED: 'declined',
  CANCELLED: 'cancelled',
  FAILED: 'failed',
});

const NEXT = {
  [State.OFFERING]: [State.TRANSFERRING, State.DECLINED, State.CANCELLED, State.FAILED],
  [State.TRANSFERRING]: [State.DONE, State.CANCELLED, State.FAILED],
  [State.DONE]: [],
  [State.DECLINED]: [],
  [State.CANCELLED]: [],
  [State.FAILED]: [],
};

/** Holds a transfer's state and refuses moves the life of a transfer does not allow. */
export class TransferState {
  #value = State.OFFERING;

  get value() {
    return this.#value;
  }

  /** Whether nothing can happen to the transfer any more. */
  get isFinal() {
    return NEXT[this.#value].length === 0;
  }

  /** Moves to `next` if allowed from here; returns whether it moved. */
  moveTo(next) {
    if (!NEXT[this.#value].includes(next)) return false;
    this.#value = next;
    return true;
  }
}
