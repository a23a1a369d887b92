// Unmodified SIP.js clients calling each other through a real wisp, with a DataChannel SDP:
// INVITE -> 180/200 -> ACK -> BYE, CANCEL before the answer, and calls to a closed tab.
// The caller is on wss:// and the callee on ws://, so wisp Record-Routes twice on the way.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Inviter, SessionState } from 'sip.js';
import { reaches, sipjsUser } from './lib/sipjs-user.mjs';
import { registered, stopAll } from './lib/users.mjs';
import { withTimeout } from './lib/time.mjs';
import { trust } from './lib/websocket.mjs';
import { startWisp } from './lib/wisp.mjs';

const WAIT_MS = 5_000;
/** "At once": far below the 32 s a SIP transaction takes to time out. */
const AT_ONCE_MS = 2_000;

const wisp = await startWisp();
trust(wisp.ca);
after(() => wisp.stop());

/** Places a call; resolves with every response status the caller saw, in order, once it is final. */
function call(from, to, { onProgress } = {}) {
  const inviter = new Inviter(from.ua, to.uri);
  const statuses = [];
  const final = new Promise((resolve) => {
    inviter.invite({
      requestDelegate: {
        onProgress: (response) => {
          statuses.push(response.message.statusCode);
          onProgress?.(inviter);
        },
        onAccept: (response) => {
          statuses.push(response.message.statusCode);
          resolve();
        },
        onReject: (response) => {
          statuses.push(response.message.statusCode);
          resolve();
        },
      },
    });
  });
  return { inviter, statuses, final: withTimeout(final, WAIT_MS, `the answer to ${from.name}'s INVITE`) };
}

describe('SIP.js calls through wisp', () => {
  let alice;
  let bob;

  before(async () => {
    [alice, bob] = await registered(() => sipjsUser(wisp.wss, 'alice'), () => sipjsUser(wisp.ws, 'bob'));
  });

  after(() => stopAll([alice, bob]));

  it('INVITE -> 180 -> 200 -> ACK -> BYE, with the SDP carried untouched both ways', async () => {
    let answered;
    const acked = new Promise((resolve) => {
      bob.onInvite = (invitation) => {
        answered = invitation;
        invitation.delegate = { onAck: () => resolve() };
        invitation.accept(); // SIP.js has already sent 180 Ringing on its own
      };
    });

    const { inviter, statuses, final } = call(alice, bob);
    await final;
    await withTimeout(acked, WAIT_MS, 'the ACK to reach bob');
    await reaches(inviter, SessionState.Established, "alice's session to be established");

    assert.deepEqual(statuses.filter((status) => status !== 100), [180, 200]);
    assert.equal(bob.sdp.received.at(-1), alice.sdp.generated.at(-1), 'the offer arrives byte for byte');
    assert.equal(alice.sdp.received.at(-1), bob.sdp.generated.at(-1), 'the answer arrives byte for byte');

    await inviter.bye();
    await reaches(answered, SessionState.Terminated, "bob's session to end on BYE");
    await reaches(inviter, SessionState.Terminated, "alice's session to end");
  });

  it('CANCEL before the answer: 487 reaches the caller and the callee stops ringing', async () => {
    let ringing;
    bob.onInvite = (invitation) => {
      ringing = invitation; // rings (SIP.js sent 180) and is never answered
    };

    const { statuses, final } = call(alice, bob, { onProgress: (inviter) => inviter.cancel() });
    await final;

    assert.equal(statuses.at(-1), 487);
    await reaches(ringing, SessionState.Terminated, "bob's invitation to be cancelled");
  });

  it('a call to a user whose tab closed fails at once with 404', async () => {
    const carol = await sipjsUser(wisp.ws, 'carol');
    await carol.register();
    await wisp.bindings(3);

    await carol.closeTab();
    await wisp.bindings(2); // wisp removed carol's binding when her socket closed

    const started = Date.now();
    const { statuses, final } = call(alice, carol);
    await final;
    assert.equal(statuses.at(-1), 404);
    assert.ok(Date.now() - started < AT_ONCE_MS, `answered in ${Date.now() - started} ms`);
    await carol.stop();
  });
});

describe('with remove-bindings-on-flow-close off', () => {
  let keeping;
  let alice;
  let dave;

  before(async () => {
    keeping = await startWisp({ env: { WISP_REGISTRAR_REMOVE_BINDINGS_ON_FLOW_CLOSE: 'false' } });
    trust(keeping.ca);
    [alice, dave] = await registered(() => sipjsUser(keeping.wss, 'alice'), () => sipjsUser(keeping.ws, 'dave'));
  });

  after(async () => {
    await stopAll([alice, dave]);
    await keeping?.stop();
  });

  it('a call to a user whose tab closed fails at once with 480: registered, not reachable', async () => {
    await dave.closeTab();
    const deadline = Date.now() + WAIT_MS;
    while ((await keeping.health()).flows !== 1) {
      assert.ok(Date.now() < deadline, "wisp should notice dave's socket closed");
      await new Promise((resolve) => setTimeout(resolve, 20)); // polling server-side state, bounded
    }
    assert.equal((await keeping.health()).bindings, 2, "dave's binding is kept");

    const started = Date.now();
    const { statuses, final } = call(alice, dave);
    await final;
    assert.equal(statuses.at(-1), 480);
    assert.ok(Date.now() - started < AT_ONCE_MS, `answered in ${Date.now() - started} ms`);
  });
});
