// In-dialog and dialog-creating methods beyond INVITE/BYE, through wisp with unmodified clients:
// SIP.js for PRACK (100rel), INFO, re-INVITE, MESSAGE and REFER inside a call; JsSIP for an
// out-of-dialog SUBSCRIBE and the NOTIFYs of its subscription. (UPDATE is sent by real JsSIP
// WebRTC sessions in the browser test: SIP.js cannot send one.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Inviter, SessionState, SIPExtension, UserAgent } from 'sip.js';
import { jssipUser } from './lib/jssip-user.mjs';
import { reaches, sipjsUser } from './lib/sipjs-user.mjs';
import { registered, stopAll } from './lib/users.mjs';
import { withTimeout } from './lib/time.mjs';
import { trust } from './lib/websocket.mjs';
import { startWisp } from './lib/wisp.mjs';

const WAIT_MS = 5_000;

const wisp = await startWisp();
trust(wisp.ca);
after(() => wisp.stop());

describe('inside a SIP.js call', () => {
  let alice;
  let bob;
  let inviter;
  let invitation;
  let statuses;

  before(async () => {
    const reliable = { sipExtension100rel: SIPExtension.Supported };
    [alice, bob] = await registered(() => sipjsUser(wisp.wss, 'alice', reliable),
      () => sipjsUser(wisp.ws, 'bob', reliable));
  });

  after(async () => {
    if (inviter?.state === SessionState.Established) await inviter.bye();
    await stopAll([alice, bob]);
  });

  it('a reliable 183 is PRACKed through wisp before the call is answered', async () => {
    const pracked = new Promise((resolve) => {
      bob.onInvite = (incoming) => {
        invitation = incoming;
        // 183 with Require: 100rel; SIP.js resolves once the caller's PRACK has arrived.
        incoming.progress({ statusCode: 183, rel100: true }).then(() => {
          resolve();
          incoming.accept();
        });
      };
    });
    inviter = new Inviter(alice.ua, bob.uri);
    statuses = [];
    inviter.invite({ requestDelegate: { onProgress: (r) => statuses.push(r.message.statusCode) } });

    await withTimeout(pracked, WAIT_MS, "alice's PRACK to reach bob");
    await reaches(inviter, SessionState.Established, 'the call to be answered');
    assert.ok(statuses.includes(183), `provisional responses: ${statuses}`);
  });

  it('INFO reaches the other side and its 200 comes back', async () => {
    const received = new Promise((resolve) => {
      invitation.delegate = { ...invitation.delegate, onInfo: (info) => { resolve(info.request.body); info.accept(); } };
    });
    const answered = new Promise((resolve) => {
      inviter.info({
        requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay',
          content: 'Signal=5\r\nDuration=160' } },
        requestDelegate: { onAccept: (response) => resolve(response.message.statusCode) },
      });
    });
    assert.equal(await withTimeout(received, WAIT_MS, 'the INFO'), 'Signal=5\r\nDuration=160');
    assert.equal(await withTimeout(answered, WAIT_MS, 'the 200 to INFO'), 200);
  });

  it('a re-INVITE renegotiates, its SDP carried untouched', async () => {
    const offersBefore = bob.sdp.received.length;
    const answered = new Promise((resolve) => {
      inviter.invite({ requestDelegate: { onAccept: (response) => resolve(response.message.statusCode) } });
    });
    assert.equal(await withTimeout(answered, WAIT_MS, 'the 200 to the re-INVITE'), 200);
    assert.equal(bob.sdp.received.length, offersBefore + 1);
    assert.equal(bob.sdp.received.at(-1), alice.sdp.generated.at(-1));
  });

  it('a MESSAGE inside the dialog is delivered', async () => {
    const received = new Promise((resolve) => {
      invitation.delegate = { ...invitation.delegate, onMessage: (message) => { resolve(message.request.body); message.accept(); } };
    });
    await inviter.message({ requestOptions: { body: { contentDisposition: 'render', contentType: 'text/plain',
      content: 'in the dialog' } } });
    assert.equal(await withTimeout(received, WAIT_MS, 'the in-dialog MESSAGE'), 'in the dialog');
  });

  it('a REFER is accepted with 202 by the other side', async () => {
    const referred = new Promise((resolve) => {
      invitation.delegate = { ...invitation.delegate, onRefer: (referral) => { resolve(referral.referTo.uri.toString()); referral.accept(); } };
    });
    const accepted = new Promise((resolve) => {
      inviter.refer(UserAgent.makeURI('sip:carol@example.test'), {
        requestDelegate: { onAccept: (response) => resolve(response.message.statusCode) },
      });
    });
    assert.equal(await withTimeout(referred, WAIT_MS, 'the REFER'), 'sip:carol@example.test');
    assert.equal(await withTimeout(accepted, WAIT_MS, 'the 202 to REFER'), 202);
  });
});

describe('a JsSIP subscription', () => {
  let watcher;
  let presentity;

  before(async () => {
    [watcher, presentity] = await registered(() => jssipUser(wisp.ws, 'watcher'),
      () => jssipUser(wisp.wss, 'presentity'));
  });

  after(() => stopAll([watcher, presentity]));

  it('SUBSCRIBE is accepted and NOTIFYs follow the dialog back, through to the final one', async () => {
    presentity.ua.on('newSubscribe', ({ request }) => {
      const notifier = presentity.ua.notify(request, 'text/plain', { pending: false });
      notifier.start();
      notifier.notify('open');
      notifier.terminate('closed');
    });
    const subscriber = watcher.ua.subscribe('sip:presentity@example.test', 'wisp-test', 'text/plain', { expires: 60 });
    const bodies = [];
    const finished = new Promise((resolve) => {
      subscriber.on('notify', (isFinal, request, body) => {
        bodies.push(body);
        if (isFinal) resolve();
      });
    });
    const accepted = new Promise((resolve) => subscriber.on('accepted', resolve));
    subscriber.subscribe();

    await withTimeout(accepted, WAIT_MS, 'the 200 to SUBSCRIBE');
    await withTimeout(finished, WAIT_MS, 'the final NOTIFY');
    assert.deepEqual(bodies.filter(Boolean), ['open', 'closed']);
  });
});
