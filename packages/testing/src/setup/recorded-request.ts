import type { ChatCompletionCreateParamsBase, RequestOptions, SwitchyardMetadata } from '@switchyard/core';

/** One `chat.completions.create` call a test gateway received, for assertions and matchers. */
export interface RecordedRequest {
  /** The body after the `prompts` stage (a rendered prompt), as routing and providers saw it. */
  readonly request: ChatCompletionCreateParamsBase;
  readonly options: RequestOptions;
  readonly stream: boolean;
  /**
   * `pending` until a completion is returned or a stream is read to its end, `cancelled` when the caller
   * stopped reading a stream early, `failed` when the request threw (its error is `error`).
   */
  readonly status: 'pending' | 'completed' | 'cancelled' | 'failed';
  readonly error: unknown;
  /** The request's `switchyard` metadata as it is now: provider, model, attempts, cache, guardrails… */
  readonly switchyard: SwitchyardMetadata;
}
