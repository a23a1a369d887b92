// Unmodified JsSIP clients against a real wisp, over ws:// and over wss:// (self-signed, trusted
// explicitly): REGISTER, MESSAGE both ways, OPTIONS, a MESSAGE to an unregistered user, un-REGISTER.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jssipUser, serverUri } from './lib/jssip-user.mjs';
import { stopAll } from './lib/users.mjs';
import { trust } from './lib/websocket.mjs';
import { startWisp } from './lib/wisp.mjs';

const wisp = await startWisp();
trust(wisp.ca);
after(() => wisp.stop());

for (const scheme of ['ws', 'wss']) {
  describe(`JsSIP over ${scheme}://`, () => {
    let alice;
    let bob;

    before(async () => {
      alice = await jssipUser(wisp[scheme], `alice-${scheme}`);
      bob = await jssipUser(wisp[scheme], `bob-${scheme}`);
    });

    after(() => stopAll([alice, bob]));

    it('registers two users', async () => {
      await alice.register();
      await bob.register();
      assert.ok(alice.ua.isRegistered());
      assert.ok(bob.ua.isRegistered());
    });

    it('carries a MESSAGE from alice to bob', async () => {
      const delivered = bob.nextMessage();
      assert.equal(await alice.message(bob.uri, 'hello bob'), 200);
      assert.equal(await delivered, 'hello bob');
    });

    it('carries a MESSAGE from bob to alice', async () => {
      const delivered = alice.nextMessage();
      assert.equal(await bob.message(alice.uri, 'hi alice, ünïcødé ✓'), 200);
      assert.equal(await delivered, 'hi alice, ünïcødé ✓');
    });

    it('answers an OPTIONS for wisp itself with Allow and Supported', async () => {
      const response = await alice.options(await serverUri('example.test'));
      assert.equal(response.status_code, 200);
      assert.match(response.getHeader('Allow'), /INVITE/);
      assert.match(response.getHeader('Allow'), /MESSAGE/);
      assert.match(response.getHeaders('Supported').join(','), /outbound/);
    });

    it('carries an OPTIONS to another user, who answers it', async () => {
      const response = await alice.options(bob.uri);
      assert.equal(response.status_code, 200);
      assert.match(response.getHeader('Allow'), /INVITE/, 'the Allow header is bob\'s JsSIP');
    });

    it('rejects a MESSAGE to a user who never registered with 404', async () => {
      assert.equal(await alice.message('sip:nobody@example.test', 'anyone?'), 404);
    });

    it('un-registers, after which bob cannot be reached', async () => {
      await bob.unregister();
      assert.ok(!bob.ua.isRegistered());
      assert.equal(await alice.message(bob.uri, 'still there?'), 404);
    });
  });
}
