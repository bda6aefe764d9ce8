/** Process-level failures seen while the soak ran. */
export interface ProcessWatch {
  readonly unhandledRejections: number;
  readonly uncaughtExceptions: number;
  /** `process.emitWarning` warnings, e.g. `MaxListenersExceededWarning` from a listener leak on a signal. */
  readonly warnings: ReadonlyArray<string>;
  /** The first few messages, for the report. */
  readonly samples: ReadonlyArray<string>;
  stop(): void;
}

const MAX_SAMPLES = 5;

const describe = (value: unknown): string =>
  value instanceof Error ? `${value.name}: ${value.message}` : String(value);

/**
 * Counts unhandled rejections, uncaught exceptions and process warnings instead of letting Node print
 * or crash, so the soak reports them as invariant violations with the rest.
 */
export function watchProcess(): ProcessWatch {
  let unhandledRejections = 0;
  let uncaughtExceptions = 0;
  const warnings: Array<string> = [];
  const samples: Array<string> = [];
  const note = (line: string): void => {
    if (samples.length < MAX_SAMPLES) samples.push(line);
  };
  const onRejection = (reason: unknown): void => {
    unhandledRejections++;
    note(`unhandled rejection: ${describe(reason)}`);
  };
  const onException = (error: unknown): void => {
    uncaughtExceptions++;
    note(`uncaught exception: ${describe(error)}`);
  };
  const onWarning = (warning: Error): void => {
    if (warnings.length < MAX_SAMPLES) warnings.push(describe(warning));
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  process.on('warning', onWarning);
  return {
    get unhandledRejections() {
      return unhandledRejections;
    },
    get uncaughtExceptions() {
      return uncaughtExceptions;
    },
    warnings,
    samples,
    stop() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      process.off('warning', onWarning);
    },
  };
}
