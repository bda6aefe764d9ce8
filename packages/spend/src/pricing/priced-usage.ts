/**
 * The usage fields cost depends on; `CompletionUsage` fits it. `cached_tokens` and `cache_write_tokens`
 * are part of `prompt_tokens`, `reasoning_tokens` part of `completion_tokens`, as in OpenAI's usage.
 */
export interface PricedUsage {
  prompt_tokens: number;
  completion_tokens: number;
  prompt_tokens_details?: {
    cached_tokens?: number;
    /** Prompt tokens written to the cache (Anthropic `cache_creation_input_tokens`), when reported. */
    cache_write_tokens?: number;
  };
  completion_tokens_details?: { reasoning_tokens?: number };
}
