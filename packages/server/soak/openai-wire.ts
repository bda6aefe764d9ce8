import type { ChaosReply } from './chaos-reply.js';

/** Where a response's `id`, `model` and `created` come from. */
export interface WireResponseInfo {
  readonly id: string;
  readonly model: string;
  readonly created: number;
}

const usageOf = (reply: ChaosReply) => ({
  prompt_tokens: reply.promptTokens,
  completion_tokens: reply.completionTokens,
  total_tokens: reply.promptTokens + reply.completionTokens,
  prompt_tokens_details: { cached_tokens: reply.cachedTokens, audio_tokens: 0 },
  completion_tokens_details: {
    reasoning_tokens: 0,
    audio_tokens: 0,
    accepted_prediction_tokens: 0,
    rejected_prediction_tokens: 0,
  },
});

const chunk = (info: WireResponseInfo, choices: ReadonlyArray<unknown>, usage: unknown = null): string =>
  `data: ${JSON.stringify({
    id: info.id,
    object: 'chat.completion.chunk',
    created: info.created,
    model: info.model,
    service_tier: 'default',
    system_fingerprint: 'fp_soak',
    choices,
    usage,
  })}\n\n`;

const delta = (content: Record<string, unknown>, finishReason: string | null = null) => [
  { index: 0, delta: content, logprobs: null, finish_reason: finishReason },
];

/**
 * OpenAI's wire format, as `packages/providers/src/openai/__fixtures__` records it: a chat completion
 * body (JSON indented by 2, trailing newline), stream events (`data: <compact JSON>\n\n`, a role chunk,
 * one delta per word, the finish chunk, the usage chunk, `data: [DONE]`) and error bodies.
 */
export const openaiWire = {
  completion(info: WireResponseInfo, reply: ChaosReply): string {
    const body = {
      id: info.id,
      object: 'chat.completion',
      created: info.created,
      model: info.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply.text, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: usageOf(reply),
      service_tier: 'default',
      system_fingerprint: 'fp_soak',
    };
    return `${JSON.stringify(body, null, 2)}\n`;
  },

  /** Every event of a complete stream, `data: [DONE]` included. */
  events(info: WireResponseInfo, reply: ChaosReply): Array<string> {
    return [
      chunk(info, delta({ role: 'assistant', content: '', refusal: null })),
      ...reply.deltas.map((text) => chunk(info, delta({ content: text }))),
      chunk(info, delta({}, 'stop')),
      chunk(info, [], usageOf(reply)),
      'data: [DONE]\n\n',
    ];
  },

  /** One content event, for streams that trickle until the client stops reading. */
  contentEvent(info: WireResponseInfo, text: string): string {
    return chunk(info, delta({ content: text }));
  },

  error(message: string, type: string, code: string | number | null = null): string {
    return `${JSON.stringify({ error: { message, type, param: null, code } }, null, 4)}\n`;
  },

  /** An `{ error }` payload as a stream event, as OpenAI sends a failure after a 200. */
  errorEvent(message: string): string {
    return `data: ${JSON.stringify({ error: { message, type: 'server_error', param: null, code: null } })}\n\n`;
  },
};
