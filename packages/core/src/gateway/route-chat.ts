import { AbortError } from '../errors/gateway-errors.js';
import type { GatewayResult } from '../middleware/middleware.js';
import type { ProviderCall, ProviderRequest } from '../provider/provider-adapter.js';
import { attemptTarget, type InvokeContext } from '../routing/attempt-target.js';
import { ChunkBuilder } from '../stream/chunk-builder.js';
import { chunkStream } from '../stream/chunk-stream.js';
import { startStream } from '../stream/start-stream.js';
import { toChatCompletion } from '../stream/to-chat-completion.js';
import { buildMetadata, priceUsage, type RequestContext, targetAvailability } from './gateway-context.js';

const toProviderRequest = (context: RequestContext, invoke: InvokeContext): ProviderRequest => {
  const { stream: _stream, ...request } = context.state.request;
  const override = invoke.target.overrideParams;
  return override === undefined
    ? { ...request, model: invoke.model }
    : { ...request, ...override, model: invoke.model };
};

const toProviderCall = (context: RequestContext, invoke: InvokeContext): ProviderCall => {
  const call: ProviderCall = {
    modelId: invoke.model,
    request: toProviderRequest(context, invoke),
    signal: invoke.signal,
    headers: invoke.headers,
  };
  if (context.settings.fetch !== undefined) call.fetch = context.settings.fetch;
  return call;
};

const newId = (): string => `chatcmpl-${crypto.randomUUID()}`;
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The innermost stage: the routing strategy picks targets and the adapter answers. */
export async function routeChat(context: RequestContext): Promise<GatewayResult> {
  const { state, settings, strategy, deadline } = context;
  const env = { ...settings, state, deadline, requestedModel: context.requestedModel };
  const routeContext = {
    request: state.request,
    metadata: state.metadata,
    attempts: state.attempts,
    signal: deadline.signal,
    isAvailable: targetAvailability(settings, context.requestedModel),
  };

  if (!state.stream) {
    const result = await strategy.route({
      ...routeContext,
      attempt: (target) =>
        attemptTarget(env, target, (adapter, invoke) => adapter.doGenerate(toProviderCall(context, invoke))),
    });
    state.warnings.push(...result.warnings);
    if (result.usage !== undefined) {
      result.usage = priceUsage(context, result.usage);
      state.usage = result.usage;
    }
    const rawFinishReason = result.choices[0]?.finishReason.raw;
    const completion = toChatCompletion(result, {
      id: newId(),
      model: state.model ?? '',
      created: nowSeconds(),
      switchyard: buildMetadata(state, rawFinishReason),
    });
    return { type: 'completion', completion };
  }

  const started = await strategy.route({
    ...routeContext,
    attempt: (target) =>
      attemptTarget(env, target, async (adapter, invoke) =>
        startStream(await adapter.doStream(toProviderCall(context, invoke)), invoke.target.idleTimeout),
      ),
  });
  state.warnings.push(...started.warnings);
  const builder = new ChunkBuilder({ id: newId(), model: state.model ?? '', created: nowSeconds() });
  const stream = chunkStream(started, builder, {
    includeUsage: state.request.stream_options?.include_usage === true,
    onUsage: (usage) => {
      state.usage = priceUsage(context, usage);
      return state.usage;
    },
    metadata: () => buildMetadata(state, builder.rawFinishReason),
    mapError: (error) => deadline.reason ?? error,
    onCancel: () => deadline.abort(new AbortError('The caller cancelled the stream.')),
  });
  return { type: 'stream', stream };
}
