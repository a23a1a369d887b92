// Bounded waits: every wait in these tests has a deadline and says what it was waiting for.

/** Resolves like `promise`, or rejects naming `what` after `ms` milliseconds. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The next `event` the emitter fires, as a promise with a deadline. */
export function next(emitter, event, ms, what = event) {
  return withTimeout(new Promise((resolve) => emitter.once(event, (...args) => resolve(args[0]))), ms, what);
}
