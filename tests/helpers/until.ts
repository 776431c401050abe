// Waiting for a state reached through timers or another thread (a grace period, a thread that
// stops when idle): checked every 25 ms, with a cap so a test that never gets there fails.
export async function until(check: () => boolean | Promise<boolean>, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
