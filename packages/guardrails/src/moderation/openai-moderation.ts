import { APIConnectionError, createAPIError, safeParseJson } from '@switchyard/core';
import type { ContentClassifier } from './content-classifier.js';
import { readField, readScores } from './read-scores.js';

export interface OpenAIModerationOptions {
  apiKey: string;
  /** Default `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Default `omni-moderation-latest`. */
  model?: string;
  headers?: Record<string, string>;
  /** Default: the global `fetch`. */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
}

/**
 * A classifier backed by OpenAI's moderation endpoint (`POST /moderations`, free of charge): its
 * `category_scores` (`hate`, `harassment/threatening`, `self-harm/intent`, `violence`, …) become the scores.
 */
export function openAIModeration(options: OpenAIModerationOptions): ContentClassifier {
  const baseURL = (options.baseURL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
  const fetcher = options.fetch ?? globalThis.fetch;
  return async (text, context) => {
    let response: Response;
    try {
      response = await fetcher(`${baseURL}/moderations`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${options.apiKey}`,
          ...options.headers,
        },
        body: JSON.stringify({ model: options.model ?? 'omni-moderation-latest', input: text }),
        ...(context.signal === undefined ? {} : { signal: context.signal }),
      });
    } catch (error) {
      if (context.signal?.aborted === true) throw error;
      throw new APIConnectionError('Could not reach the moderation endpoint.', {
        cause: error,
        provider: 'openai',
      });
    }
    const answer = await response.text();
    // An endpoint that rejects the key may repeat it; it must not travel on in the error.
    const parsed = safeParseJson(
      options.apiKey === '' ? answer : answer.replaceAll(options.apiKey, '[REDACTED]'),
    );
    const body = parsed.success ? parsed.value : undefined;
    if (!response.ok) {
      throw createAPIError({ status: response.status, body, headers: response.headers, provider: 'openai' });
    }
    const results = readField(body, 'results');
    const first: unknown = Array.isArray(results) ? results[0] : undefined;
    const scores = readScores(readField(first, 'category_scores'));
    if (scores === undefined) throw new Error('The moderation endpoint answered without category scores.');
    return scores;
  };
}
