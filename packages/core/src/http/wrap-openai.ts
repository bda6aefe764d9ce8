import type { Gateway } from '../gateway/gateway.js';

/** The base URL an OpenAI client uses to reach an in-process gateway; no socket is opened. */
export const IN_PROCESS_BASE_URL = 'http://switchyard.local/v1';

export interface InProcessClientOptions {
  baseURL: string;
  fetch: Gateway['fetch'];
}

/** The part of an `openai` client `wrapOpenAI` needs; any client with `withOptions` fits. */
export interface OpenAILikeClient<Client> {
  withOptions(options: InProcessClientOptions): Client;
}

/**
 * Returns a copy of an existing `openai` client whose requests go through the gateway in-process
 * (same resources, same types, streaming included). The original client is left unchanged.
 */
export function wrapOpenAI<Client extends OpenAILikeClient<Client>>(
  client: Client,
  gateway: Pick<Gateway, 'fetch'>,
): Client {
  return client.withOptions({ baseURL: IN_PROCESS_BASE_URL, fetch: gateway.fetch });
}
