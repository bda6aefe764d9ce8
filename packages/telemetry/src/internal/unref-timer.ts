/** Lets the process exit while a background timer is pending (Node, Bun, Deno); a no-op where timers are numbers. */
export function unrefTimer(timer: unknown): void {
  if (typeof timer === 'object' && timer !== null && 'unref' in timer && typeof timer.unref === 'function') {
    timer.unref();
  }
}
