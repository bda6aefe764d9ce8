import type { PromptStore } from './store/prompt-store.js';

/** A standing A/B test, used when a request names a prompt without a version or label. */
export interface PromptExperiment {
  /** Version → relative weight, e.g. `{ '1.2.0': 9, '1.3.0': 1 }`. */
  weights: Readonly<Record<string, number>>;
  /**
   * Metadata key whose value makes the assignment sticky, e.g. `user_id` (requests through the middleware,
   * and `render` with a gateway and `options.metadata`). Default: none (random per request).
   */
  stickyBy?: string;
}

export interface PromptsOptions {
  /** Where versions and labels live. Default: `memoryPromptStore()`. */
  store?: PromptStore;
  /** The label used when a request names neither a version nor a label. Default `'production'`. */
  defaultLabel?: string;
  /** Standing A/B tests by prompt name. Default: none. */
  experiments?: Readonly<Record<string, PromptExperiment>>;
}
