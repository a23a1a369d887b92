// Everything the person sees and touches. The page listens to the model's events and renders;
// its only ways in are the model's methods (connect, send, accept, decline, cancel).
import { bytes, progressLine, rate } from '../app/format.js';
import { cleanName, recipients, sharedRecipient } from '../app/names.js';
import { State } from '../transfer/transfer-state.js';

const STATUS_TEXT = {
  connecting: 'connecting…',
  registered: 'registered',
  reconnecting: 'reconnecting…',
  failed: 'failed',
};

export class Page {
  #document;
  #elements;

  constructor(document) {
    this.#document = document;
    const $ = (id) => document.getElementById(id);
    this.#elements = {
      status: $('status'), identity: $('identity'), name: $('name'), shareLink: $('share-link'),
      copyLink: $('copy-link'), send: $('send'), peer: $('peer'), files: $('files'), drop: $('drop'),
      chosen: $('chosen'), passphrase: $('passphrase'), sendError: $('send-error'), offers: $('offers'),
      transfers: $('transfers'), offerTemplate: $('offer-template'), transferTemplate: $('transfer-template'),
    };
  }

  /** Shows the registration state: "registered as swift-otter-42", "reconnecting…"… */
  showStatus({ state, reason }) {
    const { status } = this.#elements;
    status.dataset.state = state;
    status.textContent = reason ? `${STATUS_TEXT[state]} ${state === 'failed' ? `(${reason})` : reason}` : STATUS_TEXT[state];
  }

  /** Shows who this page is and the link others can use to send to it. */
  showName(name, location) {
    this.#elements.name.value = name;
    const link = `${location.origin}${location.pathname}#to=${encodeURIComponent(name)}`;
    this.#elements.shareLink.href = link;
    this.#elements.shareLink.textContent = link;
  }

  /** Fills in the recipient a share link names. */
  prefillRecipient(hash) {
    const peer = sharedRecipient(hash);
    if (peer) this.#elements.peer.value = peer;
  }

  /** Calls `connect(name)` when the person picks a name. */
  onConnect(connect) {
    this.#elements.identity.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = cleanName(this.#elements.name.value);
      if (name) connect(name);
    });
    this.#elements.copyLink.addEventListener('click', () => {
      navigator.clipboard?.writeText(this.#elements.shareLink.href);
    });
  }

  /** Calls `send(peers, files, passphrase)` when the person sends; files come from the picker or a drop. */
  onSend(send) {
    const { send: form, peer, files, drop, passphrase, sendError } = this.#elements;
    let dropped = null;
    files.addEventListener('change', () => {
      dropped = null;
      this.#listChosen([...files.files]);
    });
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      dropped = [...event.dataTransfer.files];
      this.#listChosen(dropped);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const to = recipients(peer.value);
      const chosen = dropped ?? [...files.files];
      sendError.textContent = to.length === 0 ? 'Who should get the files? Type a name.'
        : chosen.length === 0 ? 'Choose at least one file.' : '';
      if (sendError.textContent) return;
      send(to, chosen, passphrase.value);
      form.reset();
      dropped = null;
      this.#listChosen([]);
      peer.value = to.join(', '); // sending again to the same people is common
    });
  }

  /** Shows an incoming offer with its Accept and Decline buttons. */
  showOffer(offer) {
    const item = this.#elements.offerTemplate.content.firstElementChild.cloneNode(true);
    item.querySelector('.from').textContent = offer.from;
    item.querySelector('.name').textContent = offer.file.name;
    item.querySelector('.size').textContent = bytes(offer.file.size);
    item.querySelector('.lock').hidden = !offer.protectedByPassphrase;
    const gone = () => item.remove();
    item.querySelector('.accept').addEventListener('click', () => {
      gone();
      offer.accept(this.#elements.passphrase.value);
    });
    item.querySelector('.decline').addEventListener('click', () => {
      gone();
      offer.decline();
    });
    offer.addEventListener('withdrawn', gone);
    this.#elements.offers.prepend(item);
    item.querySelector('.accept').focus(); // and into view: on a phone offers are below the fold
  }

  /** Shows a transfer and keeps it up to date until it ends. */
  showTransfer(transfer) {
    const item = this.#elements.transferTemplate.content.firstElementChild.cloneNode(true);
    item.id = transfer.id;
    item.querySelector('.direction').textContent = transfer.direction === 'out' ? '↑' : '↓';
    item.querySelector('.name').textContent = transfer.file.name;
    item.querySelector('.peer').textContent = transfer.direction === 'out' ? `to ${transfer.peer}` : `from ${transfer.peer}`;
    item.querySelector('.cancel').addEventListener('click', () => transfer.cancel());
    // A transfer changes with every chunk, thousands of times a second: draw once per frame.
    let drawing = false;
    transfer.addEventListener('change', () => {
      if (drawing) return;
      drawing = true;
      requestAnimationFrame(() => {
        drawing = false;
        this.#render(item, transfer);
      });
    });
    this.#render(item, transfer);
    this.#elements.transfers.prepend(item);
  }

  #render(item, transfer) {
    item.dataset.state = transfer.state;
    if (transfer.sha256 && (transfer.direction === 'out' || transfer.state === State.DONE)) {
      item.dataset.sha256 = transfer.sha256;
    }
    if (transfer.state === State.DONE) item.dataset.bytesPerSecond = Math.round(transfer.averageRate);
    const progress = item.querySelector('progress');
    progress.value = transfer.progress.fraction;
    progress.setAttribute('aria-label', `${transfer.file.name}: ${Math.round(transfer.progress.fraction * 100)}%`);
    item.querySelector('.detail').textContent = this.#detail(transfer);
    item.querySelector('.cancel').hidden = transfer.isFinal;
    if (transfer.state === State.DONE && transfer.blob && !item.querySelector('.download').href) {
      const link = item.querySelector('.download');
      link.href = URL.createObjectURL(transfer.blob);
      link.download = transfer.file.name;
      link.textContent = `Save ${transfer.file.name}`;
      link.hidden = false;
    }
  }

  #detail(transfer) {
    switch (transfer.state) {
      case State.OFFERING:
        if (transfer.preparingFraction !== null) return `checking the file… ${Math.round(transfer.preparingFraction * 100)}%`;
        return transfer.direction === 'out' ? `waiting for ${transfer.peer} to accept` : 'connecting…';
      case State.TRANSFERRING:
        return progressLine(transfer.progress);
      case State.DONE:
        return `done, verified · ${bytes(transfer.file.size)} at ${rate(transfer.averageRate)}`;
      case State.DECLINED:
        return `${transfer.peer} declined`;
      case State.CANCELLED:
        return 'cancelled';
      default:
        return transfer.error?.message ?? 'failed';
    }
  }

  #listChosen(files) {
    const list = this.#elements.chosen;
    list.replaceChildren(...files.map((file) => {
      const entry = this.#document.createElement('li');
      entry.textContent = `${file.name} (${bytes(file.size)})`;
      return entry;
    }));
  }
}
