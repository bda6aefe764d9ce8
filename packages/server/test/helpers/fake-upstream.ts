import { safeParseJson } from '@switchyard/core';

export interface UpstreamCall {
  url: URL;
  headers: Headers;
  body: Record<string, unknown>;
}

export type UpstreamReply = (call: UpstreamCall) => Response | undefined;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** OpenAI's (and Azure OpenAI's) chat completion wire format. */
export const openAICompletion = (model: string, content: string) =>
  json({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_760_000_000,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 },
  });

/** Anthropic's Messages API wire format. */
export const anthropicMessage = (model: string, text: string) =>
  json({
    id: 'msg_fake',
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 1000, output_tokens: 100 },
  });

/** OpenAI's moderation answer: texts containing "hateful" score high on hate and toxicity. */
const moderation = (input: unknown) => {
  const texts = Array.isArray(input) ? input.map(String) : [String(input)];
  return json({
    id: 'modr-fake',
    model: 'omni-moderation-latest',
    results: texts.map((text) => {
      const score = text.includes('hateful') ? 0.97 : 0.01;
      return {
        flagged: score > 0.5,
        categories: { hate: score > 0.5, violence: false, 'self-harm': false },
        category_scores: { hate: score, harassment: score, violence: 0.01, 'self-harm': 0.01, sexual: 0.01 },
      };
    }),
  });
};

export const upstreamError = (status: number, message: string, headers: Record<string, string> = {}) =>
  json({ error: { message, type: 'server_error', code: null } }, status, headers);

const readBody = (body: BodyInit | null | undefined): Record<string, unknown> => {
  if (typeof body !== 'string') return {};
  const parsed = safeParseJson(body);
  return parsed.success &&
    typeof parsed.value === 'object' &&
    parsed.value !== null &&
    !Array.isArray(parsed.value)
    ? Object.fromEntries(Object.entries(parsed.value))
    : {};
};

/**
 * A `fetch` for provider calls that answers like OpenAI, Azure OpenAI and Anthropic (by host), records
 * every call, and lets a test override the answer (failures, delays).
 */
export function fakeUpstream() {
  const calls: Array<UpstreamCall> = [];
  let override: UpstreamReply | undefined;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input));
    const body = request === undefined ? readBody(init?.body) : readBody(await request.text());
    const call = { url, headers: new Headers(request?.headers ?? init?.headers), body };
    calls.push(call);
    const replaced = override?.(call);
    if (replaced !== undefined) return replaced;
    const model = typeof body.model === 'string' ? body.model : 'unknown';
    if (url.href === 'https://api.openai.com/v1/moderations') return moderation(body.input);
    if (url.hostname === 'api.anthropic.com') return anthropicMessage(model, `anthropic says hi (${model})`);
    if (url.hostname.endsWith('.openai.azure.com'))
      return openAICompletion(model, `azure says hi (${url.pathname})`);
    if (url.hostname === 'api.openai.com') return openAICompletion(model, `openai says hi (${model})`);
    return upstreamError(404, `no fake for ${url.hostname}`);
  };
  return {
    fetch,
    calls,
    /** Answers calls with `reply` first (undefined falls through to the default answers). */
    setReply(reply: UpstreamReply | undefined) {
      override = reply;
    },
  };
}
