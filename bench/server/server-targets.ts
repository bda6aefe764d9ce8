import { messages } from '../scenario.js';
import type { Mode } from '../variants.js';
import type { ServerProcess } from './server-process.js';

export type ServerId = 'direct' | 'switchyard' | 'portkey';

export const serverLabels: Readonly<Record<ServerId, string>> = {
  direct: 'upstream directly (no gateway)',
  switchyard: 'Switchyard server (`switchyard serve`)',
  portkey: 'Portkey gateway server (`@portkey-ai/gateway`)',
};

/** What a load run sends to one server: the same OpenAI chat request, addressed the way it expects. */
export interface ServerTarget {
  readonly id: ServerId;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  body(mode: Mode): string;
}

const chatBody =
  (model: string) =>
  (mode: Mode): string =>
    JSON.stringify(
      mode === 'streaming'
        ? { model, messages, stream: true, stream_options: { include_usage: true } }
        : { model, messages },
    );

export const directTarget = (upstream: ServerProcess): ServerTarget => ({
  id: 'direct',
  url: `${upstream.url}/v1/chat/completions`,
  headers: { authorization: 'Bearer sk-bench' },
  body: chatBody('gpt-4o-mini'),
});

export const switchyardTarget = (server: ServerProcess): ServerTarget => ({
  id: 'switchyard',
  url: `${server.url}/v1/chat/completions`,
  headers: {},
  body: chatBody('openai/gpt-4o-mini'),
});

/** Portkey's open-source gateway takes the provider, its key and a custom host from headers. */
export const portkeyTarget = (server: ServerProcess, upstream: ServerProcess): ServerTarget => ({
  id: 'portkey',
  url: `${server.url}/v1/chat/completions`,
  headers: {
    authorization: 'Bearer sk-bench',
    'x-portkey-provider': 'openai',
    'x-portkey-custom-host': `${upstream.url}/v1`,
  },
  body: chatBody('gpt-4o-mini'),
});
