import { createAPIError } from '../errors/create-api-error.js';
import type {
  EmbedCall,
  EmbedResult,
  ProviderCall,
  ResponseInfo,
  StreamResult,
} from '../provider/provider-adapter.js';
import { assertValidMockOptions } from './assert-valid-mock-options.js';
import { buildMockGenerateResult } from './build-mock-generate-result.js';
import { buildMockStreamParts } from './build-mock-stream-parts.js';
import { createAbortError } from './create-abort-error.js';
import { createMockEmbedding } from './create-mock-embedding.js';
import { createMockStream } from './create-mock-stream.js';
import type { MockCapabilities, MockProvider, MockProviderOptions } from './mock-provider-options.js';
import type { MockCall, MockChatCall, MockReplySource } from './mock-reply.js';
import { type NormalizedMockReply, normalizeMockReply } from './normalize-mock-reply.js';
import { selectMockReply } from './select-mock-reply.js';
import { startMockResponse } from './start-mock-response.js';
import { toEmbeddingTexts } from './to-embedding-texts.js';
import { waitForAbort } from './wait-for-abort.js';

const defaultReply = 'Hello from the mock provider.';

/** A fixed `created` (2023-11-14T22:13:20Z) keeps responses identical from run to run, so snapshots hold. */
const mockCreated = 1_700_000_000;

/** The mock stands in for any provider, so it claims every capability. */
const capabilities: MockCapabilities = Object.freeze({
  streaming: true,
  tools: true,
  parallelToolCalls: true,
  reasoning: true,
  jsonSchema: true,
  images: true,
  embeddings: true,
});

interface PreparedResponse {
  reply: NormalizedMockReply;
  response: ResponseInfo;
}

/**
 * A deterministic, in-memory `ProviderAdapter` for tests, demos and benchmarks. It answers with the
 * configured replies, streams them as a real provider would, injects faults (HTTP errors, slow
 * responses, mid-stream failures, stalls, connection errors) and records every call.
 *
 * @example
 * const mock = mockProvider({ reply: [faultReply({ status: 503 }), 'Hello!'] });
 * const gateway = createGateway({ providers: { mock } });
 */
export function mockProvider(options: MockProviderOptions = {}): MockProvider {
  assertValidMockOptions(options);
  const provider = options.provider ?? 'mock';
  const usage = options.usage ?? 'auto';
  const chunkDelayMs = options.chunkDelayMs ?? 0;
  const embeddingDimensions = options.embeddingDimensions ?? 8;
  const calls: Array<MockCall> = [];
  // How many calls each reply source has served, keyed by `reply` or `model:<id>`: sequences advance per source.
  const sequencePositions = new Map<string, number>();
  let responseCount = 0;

  const sourceFor = (modelId: string): { key: string; source: MockReplySource } | undefined => {
    const { models, reply } = options;
    // `Object.hasOwn`, so a model named `constructor` or `toString` is not found on the prototype.
    const modelSource = models !== undefined && Object.hasOwn(models, modelId) ? models[modelId] : undefined;
    if (modelSource !== undefined) return { key: `model:${modelId}`, source: modelSource };
    if (reply !== undefined) return { key: 'reply', source: reply };
    return models === undefined ? { key: 'reply', source: defaultReply } : undefined;
  };

  const modelNotFound = (modelId: string) =>
    createAPIError({
      status: 404,
      provider,
      body: {
        error: {
          message: `The model '${modelId}' does not exist on the mock provider '${provider}'.`,
          type: 'invalid_request_error',
          code: 'model_not_found',
        },
      },
    });

  const prepare = async (kind: MockChatCall['kind'], call: ProviderCall): Promise<PreparedResponse> => {
    const recorded: MockChatCall = {
      kind,
      modelId: call.modelId,
      request: call.request,
      signal: call.signal,
      headers: call.headers,
    };
    calls.push(recorded);
    responseCount += 1;
    const responseNumber = responseCount;
    // A real fetch with an aborted signal fails before sending anything, so no reply is used up.
    if (call.signal.aborted) throw createAbortError(call.signal);
    const selected = sourceFor(call.modelId);
    if (selected === undefined) throw modelNotFound(call.modelId);
    const position = sequencePositions.get(selected.key) ?? 0;
    sequencePositions.set(selected.key, position + 1);
    const entry = selectMockReply(selected.source, position);
    const value = typeof entry === 'function' ? await entry(recorded) : entry;
    // A reply function may be slow; the call must still fail as aborted if the caller gave up meanwhile.
    if (call.signal.aborted) throw createAbortError(call.signal);
    return {
      reply: normalizeMockReply(value, { responseNumber, request: call.request, usage }),
      response: { id: `mock-${responseNumber}`, created: mockCreated, model: call.modelId },
    };
  };

  return {
    specificationVersion: 'v1',
    provider,
    capabilities,

    get calls(): ReadonlyArray<MockCall> {
      return calls;
    },

    reset(): void {
      calls.length = 0;
      sequencePositions.clear();
      responseCount = 0;
    },

    async doGenerate(call) {
      const { reply, response } = await prepare('generate', call);
      const interruption = await startMockResponse(reply.fault, call.signal, provider);
      // Without a stream there are no parts to deliver first: a mid-stream error is just an error,
      // and a stall is a response that never comes.
      if (interruption?.kind === 'error') throw interruption.error;
      if (interruption?.kind === 'stall') await waitForAbort(call.signal);
      return buildMockGenerateResult(reply, response);
    },

    async doStream(call): Promise<StreamResult> {
      const { reply, response } = await prepare('stream', call);
      const interruption = await startMockResponse(reply.fault, call.signal, provider);
      const parts = buildMockStreamParts(reply, response, options.chunkSize);
      return {
        stream: createMockStream({ parts, signal: call.signal, chunkDelayMs, interruption }),
        warnings: [],
      };
    },

    async doEmbed(call: EmbedCall): Promise<EmbedResult> {
      calls.push({
        kind: 'embed',
        modelId: call.modelId,
        request: call.request,
        signal: call.signal,
        headers: call.headers,
      });
      if (call.signal.aborted) throw createAbortError(call.signal);
      const dimensions = call.request.dimensions ?? embeddingDimensions;
      if (!Number.isInteger(dimensions) || dimensions <= 0) {
        throw createAPIError({
          status: 400,
          provider,
          body: {
            error: {
              message: `dimensions must be a positive integer, got ${dimensions}.`,
              param: 'dimensions',
            },
          },
        });
      }
      const texts = toEmbeddingTexts(call.request.input);
      const promptTokens = texts.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
      return {
        embeddings: texts.map((text) => createMockEmbedding(text, dimensions)),
        model: call.modelId,
        ...(usage === false ? {} : { usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } }),
        warnings: [],
      };
    },

    async listModels() {
      const ids =
        options.modelsList ?? (options.models === undefined ? ['mock-model'] : Object.keys(options.models));
      return ids.map((id) => ({ id, ownedBy: provider }));
    },
  };
}
