// A person's name on wisp: what others type to reach them, and the user part of their SIP URI.

const ADJECTIVES = ['amber', 'brave', 'calm', 'clever', 'cosmic', 'eager', 'gentle', 'happy', 'jolly', 'lucky',
  'mellow', 'nimble', 'quiet', 'rapid', 'sunny', 'swift', 'tidy', 'vivid', 'witty', 'zesty'];
const ANIMALS = ['badger', 'beaver', 'crane', 'dolphin', 'falcon', 'ferret', 'gecko', 'heron', 'koala', 'lynx',
  'marten', 'narwhal', 'otter', 'panda', 'puffin', 'quokka', 'raven', 'seal', 'tapir', 'wombat'];

const STORAGE_KEY = 'wisp.name';
const MAX_LENGTH = 32;

/** A random name that is easy to say out loud, e.g. "swift-otter-42". */
export function friendlyName(random = Math.random) {
  const pick = (words) => words[Math.floor(random() * words.length)];
  return `${pick(ADJECTIVES)}-${pick(ANIMALS)}-${Math.floor(random() * 90) + 10}`;
}

/**
 * The name as wisp will know it: lower case, spaces as dashes, only letters, digits, '.', '_'
 * and '-' (all safe in a SIP URI user part). Empty when nothing usable is left.
 */
export function cleanName(input) {
  return String(input ?? '').trim().toLowerCase().replace(/\s+/g, '-').replace(/[^a-z0-9._-]/g, '')
    .slice(0, MAX_LENGTH);
}

/** Recipients typed as "bob, carol dave": each cleaned, empty and repeated ones dropped. */
export function recipients(input) {
  return [...new Set(String(input ?? '').split(/[\s,;]+/).map(cleanName).filter(Boolean))];
}

/** The name this browser used last, or a new friendly one (remembered). */
export function rememberedName(storage) {
  const stored = cleanName(storage?.getItem(STORAGE_KEY));
  if (stored) return stored;
  const fresh = friendlyName();
  storage?.setItem(STORAGE_KEY, fresh);
  return fresh;
}

export function rememberName(storage, name) {
  storage?.setItem(STORAGE_KEY, name);
}

/** The recipient a share link names (…/#to=bob), or ''. */
export function sharedRecipient(hash) {
  const match = /(?:^#|&)to=([^&]*)/.exec(hash ?? '');
  if (!match) return '';
  try {
    return cleanName(decodeURIComponent(match[1]));
  } catch {
    return '';
  }
}
