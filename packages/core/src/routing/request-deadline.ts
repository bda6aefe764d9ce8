import { AbortError, TimeoutError } from '../errors/gateway-errors.js';

/**
 * One abort signal for a whole request: fires on the caller's abort or when `timeoutMs` passes,
 * with a typed reason (`AbortError` or `TimeoutError`). `dispose()` clears the timer and listener.
 */
export class RequestDeadline {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly userSignal: AbortSignal | undefined;
  private readonly onUserAbort = (): void => {
    const reason: unknown = this.userSignal?.reason;
    this.controller.abort(new AbortError(undefined, { cause: reason }));
  };

  constructor(timeoutMs: number, userSignal: AbortSignal | undefined) {
    this.signal = this.controller.signal;
    this.userSignal = userSignal;
    this.timer = setTimeout(() => this.controller.abort(new TimeoutError(timeoutMs)), timeoutMs);
    // The deadline alone must not keep a process alive (e.g. a stream that is never read).
    if (typeof this.timer === 'object' && 'unref' in this.timer) this.timer.unref();
    if (userSignal !== undefined) {
      if (userSignal.aborted) this.onUserAbort();
      else userSignal.addEventListener('abort', this.onUserAbort, { once: true });
    }
  }

  /** The typed error to throw once the signal fired. */
  get reason(): AbortError | TimeoutError | undefined {
    if (!this.signal.aborted) return undefined;
    const reason: unknown = this.signal.reason;
    return AbortError.isInstance(reason) || TimeoutError.isInstance(reason) ? reason : undefined;
  }

  /** Aborts the request (the caller cancelled its stream); the provider call is cancelled too. */
  abort(reason: unknown): void {
    this.controller.abort(reason);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.userSignal?.removeEventListener('abort', this.onUserAbort);
  }
}
