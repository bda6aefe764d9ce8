import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsBase,
  GatewayResult,
  Middleware,
  MiddlewareState,
} from '@switchyard/core';

/** A request state as the gateway builds it, for driving middleware handlers directly. */
export function newState(request: ChatCompletionCreateParamsBase, guardrails?: ReadonlyArray<string>): MiddlewareState {
  return {
    request,
    options: guardrails === undefined ? {} : { guardrails },
    metadata: {},
    route: 'p/m',
    traceId: 'trace-1',
    stream: request.stream === true,
    startedAt: performance.now(),
    signal: undefined,
    cache: 'bypass',
    attempts: [],
    warnings: [],
    provider: 'p',
    model: 'm',
    usage: undefined,
    locals: new Map(),
  };
}

/** Runs a middleware's `input` and `output` handlers around `innermost`, in the gateway's order. */
export function runStages(
  middleware: Middleware,
  state: MiddlewareState,
  innermost: () => Promise<GatewayResult>,
): Promise<GatewayResult> {
  const { input, output } = middleware.stages;
  const inner = () => (output === undefined ? innermost() : output(state, innermost));
  return input === undefined ? inner() : input(state, inner);
}

/** Chunks carrying `text` cut at `cuts`: a role chunk, the content chunks, a finish chunk. */
export async function* chunksOf(text: string, cuts: ReadonlyArray<number>): AsyncGenerator<ChatCompletionChunk> {
  const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk' as const, created: 1, model: 'm' };
  yield { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] };
  let position = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut <= position) continue;
    yield { ...base, choices: [{ index: 0, delta: { content: text.slice(position, cut) }, finish_reason: null }] };
    position = cut;
  }
  yield { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };
}

/** Reads a result's text: the completion's content, or every chunk's content. */
export async function readText(result: GatewayResult): Promise<string> {
  if (result.type === 'completion') return result.completion.choices[0]?.message.content ?? '';
  let text = '';
  for await (const chunk of result.stream) text += chunk.choices[0]?.delta.content ?? '';
  return text;
}
