// The usual cast of a test: a few users, each started and registered, all stopped afterwards.

/** Starts users one after another (each `start` returns a user with register()) and registers them. */
export async function registered(...starts) {
  const users = [];
  for (const start of starts) {
    const user = await start();
    await user.register();
    users.push(user);
  }
  return users;
}

/** Stops every user that was started. */
export async function stopAll(users) {
  for (const user of users) {
    await user?.stop();
  }
}
