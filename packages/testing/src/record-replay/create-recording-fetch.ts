import type { FetchFunction } from '@switchyard/core';
import { recordBodyChunks } from './record-body-chunks.js';
import { recordHeaders } from './record-headers.js';
import { recordHttpRequest } from './record-http-request.js';
import type { RecordedExchange } from './recorded-exchange.js';
import { isTransferHeader } from './redaction-defaults.js';
import type { RedactionSettings } from './redaction-settings.js';
import type { SecretCollector } from './secret-collector.js';

export interface RecordingFetchOptions {
  /** The real `fetch`. */
  fetch: FetchFunction;
  /** Record successful bodies chunk by chunk (streaming calls) rather than whole. */
  streamBodies: boolean;
  redaction: RedactionSettings;
  secrets: SecretCollector;
}

export interface RecordingFetch {
  readonly fetch: FetchFunction;
  /** Every exchange so far, in the order the requests were made. */
  readonly exchanges: ReadonlyArray<RecordedExchange>;
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A `fetch` for one adapter call that records each request and the provider's raw response (status,
 * headers, body or stream chunks) while handing the adapter a response with exactly the same bytes.
 */
export function createRecordingFetch(options: RecordingFetchOptions): RecordingFetch {
  const exchanges: Array<RecordedExchange> = [];
  const fetch: FetchFunction = async (input, init) => {
    const request = await recordHttpRequest(input, init, options.redaction, options.secrets);
    const exchange: RecordedExchange = { request };
    exchanges.push(exchange);
    let response: Response;
    try {
      response = await options.fetch(input, init);
    } catch (error) {
      exchange.error = errorMessage(error);
      throw error;
    }
    const status = response.status;
    const statusText = response.statusText;
    const headers = recordHeaders(response.headers, options.redaction, options.secrets, isTransferHeader);
    const responseInit = { status, statusText, headers: response.headers };
    if (options.streamBodies && response.ok && response.body !== null) {
      const { stream, body } = recordBodyChunks(response.body);
      exchange.response = { status, statusText, headers, body };
      return new Response(stream, responseInit);
    }
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      exchange.error = errorMessage(error);
      throw error;
    }
    exchange.response = { status, statusText, headers, body: { kind: 'bytes', bytes } };
    return new Response(NULL_BODY_STATUSES.has(status) ? null : bytes, responseInit);
  };
  return { fetch, exchanges };
}
