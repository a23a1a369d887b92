import assert from 'node:assert/strict';
import { test } from 'node:test';
import { State, TransferState } from '../src/transfer/transfer-state.js';

test('a transfer is offered, moves, and ends done', () => {
  const state = new TransferState();
  assert.equal(state.value, State.OFFERING);
  assert.ok(state.moveTo(State.TRANSFERRING));
  assert.ok(state.moveTo(State.DONE));
  assert.ok(state.isFinal);
});

test('an offer can be declined, cancelled or fail, but not be done without moving bytes', () => {
  for (const end of [State.DECLINED, State.CANCELLED, State.FAILED]) {
    const state = new TransferState();
    assert.ok(state.moveTo(end), end);
    assert.ok(state.isFinal);
  }
  assert.equal(new TransferState().moveTo(State.DONE), false);
});

test('a transfer under way cannot be declined any more', () => {
  const state = new TransferState();
  state.moveTo(State.TRANSFERRING);
  assert.equal(state.moveTo(State.DECLINED), false);
  assert.equal(state.value, State.TRANSFERRING);
});

test('an ended transfer stays as it ended', () => {
  const state = new TransferState();
  state.moveTo(State.CANCELLED);
  for (const next of Object.values(State)) assert.equal(state.moveTo(next), false, next);
  assert.equal(state.value, State.CANCELLED);
});
