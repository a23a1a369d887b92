// The page's composition root: wisp on this page's own origin, the model, and the view.
import { FileTransfers } from './app/file-transfers.js';
import { rememberName, rememberedName } from './app/names.js';
import { Signalling } from './signalling/signalling.js';
import { Page } from './ui/page.js';

const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
// Everyone who opens this page shares its host name as SIP domain, so names are all one needs.
const signalling = new Signalling(url, location.hostname);
const transfers = new FileTransfers(signalling, { senderOptions: tuning(new URLSearchParams(location.search)) });
const page = new Page(document);

signalling.addEventListener('status', (status) => page.showStatus(status));
transfers.addEventListener('offer', ({ offer }) => page.showOffer(offer));
transfers.addEventListener('transfer', ({ transfer }) => page.showTransfer(transfer));

const connect = (name) => {
  rememberName(localStorage, name);
  page.showName(name, location);
  signalling.connect(name);
};
page.onConnect(connect);
page.onSend((peers, files, passphrase) => transfers.send(peers, files, passphrase));
page.prefillRecipient(location.hash);
window.addEventListener('hashchange', () => page.prefillRecipient(location.hash));

connect(rememberedName(localStorage));

/**
 * Sending can be tuned from the address, for measuring (see web-client/README.md, "Throughput"):
 * ?chunk=65536&high=8388608&low=2097152 (bytes: chunk size, and the buffer's high and low marks).
 */
function tuning(query) {
  const options = {};
  for (const [param, option] of [['chunk', 'chunkSize'], ['high', 'highWater'], ['low', 'lowWater']]) {
    const value = Number(query.get(param));
    if (Number.isInteger(value) && value > 0) options[option] = value;
  }
  return options;
}
