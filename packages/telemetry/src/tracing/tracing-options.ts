import type { Tracer, TracerProvider } from '@opentelemetry/api';

export interface TracingOptions {
  /**
   * The tracer spans are made with. Default: `@switchyard/telemetry`'s tracer from `tracerProvider`, else
   * from the global provider — a no-op until an OpenTelemetry SDK registers one.
   */
  tracer?: Tracer;
  /** The provider to take the tracer from instead of the global one. */
  tracerProvider?: TracerProvider;
  /**
   * Record `gen_ai.input.messages` and `gen_ai.output.messages` (redacted) on requests whose bodies are
   * logged (see `logs.bodies`). Default false.
   */
  captureContent?: boolean;
}
