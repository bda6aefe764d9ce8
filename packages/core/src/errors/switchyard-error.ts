const markerFor = (name: string): symbol => Symbol.for(`switchyard.error.${name}`);

export interface SwitchyardErrorOptions {
  cause?: unknown;
}

/**
 * Base of every error the gateway throws. `isInstance` works across duplicate copies of the package
 * (it checks a `Symbol.for` marker, not the prototype chain).
 */
export class SwitchyardError extends Error {
  /** Stable name used for the marker; minifiers may rename classes, so it is spelled out. */
  static readonly errorName: string = 'SwitchyardError';

  constructor(message: string, options: SwitchyardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const ctor = new.target as typeof SwitchyardError;
    this.name = ctor.errorName;
    // Mark each class's prototype once (not every instance), so `RateLimitError.isInstance(e)` and
    // `APIError.isInstance(e)` both hold for a rate-limit error, through the prototype chain.
    let current: unknown = ctor;
    while (typeof current === 'function' && 'errorName' in current && 'prototype' in current) {
      const marker = markerFor(String(current.errorName));
      const prototype: unknown = current.prototype;
      if (typeof prototype !== 'object' || prototype === null || Object.hasOwn(prototype, marker)) break;
      Object.defineProperty(prototype, marker, { value: true });
      current = Object.getPrototypeOf(current);
    }
  }

  static isInstance<E>(
    this: { readonly errorName: string; readonly prototype: E },
    error: unknown,
  ): error is E {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass isInstance was called on.
    const marker = markerFor(this.errorName);
    return typeof error === 'object' && error !== null && Reflect.get(error, marker) === true;
  }
}
