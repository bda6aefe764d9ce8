import type {
  EmbedCall,
  EmbedResult,
  FetchFunction,
  GenerateResult,
  ProviderAdapter,
  ProviderCall,
  StreamResult,
} from '@switchyard/core';
import { toJsonValue } from '../internal/to-json-value.js';
import type { CassetteKind } from './cassette.js';
import { cassetteNotFound } from './cassette-not-found.js';
import type { LoadedCassette } from './cassette-store.js';
import { createRecordingFetch, type RecordingFetch } from './create-recording-fetch.js';
import { createReplayFetch } from './create-replay-fetch.js';
import { InvalidCassetteError } from './invalid-cassette-error.js';
import { type CallPlan, planCall } from './plan-call.js';
import { readStoredResult, type StoredResult } from './read-stored-result.js';
import type { RecordReplayContext } from './record-replay-context.js';
import { recordStreamParts } from './record-stream-parts.js';
import { saveRecording } from './save-recording.js';
import { SecretCollector } from './secret-collector.js';
import { serializeError } from './serialize-error.js';
import { serializeStreamPart } from './serialize-stream-part.js';

type AnyCall = ProviderCall | EmbedCall;

// Looked up per call, so a `fetch` installed after the adapter was wrapped (test stubs) is used.
const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

const notReplayed = (file: string): InvalidCassetteError =>
  new InvalidCassetteError(
    file,
    'the adapter did not request the recorded responses. It was probably created with its own `fetch`; create it without one so the recording can be served (or re-record, which then stores only its result).',
  );

/**
 * Wraps one adapter: each call is matched on its canonical request and answered from its cassette, or
 * made for real through a recording `fetch` (handed to the adapter as the call's `fetch`) and written
 * down. Adapters that make no HTTP calls through that `fetch` are recorded and replayed by their result.
 */
export function createRecordReplayAdapter(
  context: RecordReplayContext,
  adapter: ProviderAdapter,
  name: string,
): ProviderAdapter {
  const provider = adapter.provider;

  const recorder = (call: AnyCall, streamBodies: boolean) => {
    const secrets = new SecretCollector(context.secrets);
    const recording = createRecordingFetch({
      fetch: context.fetch ?? call.fetch ?? globalFetch,
      streamBodies,
      redaction: context.redaction,
      secrets,
    });
    return { secrets, recording };
  };

  /** The cassette for a call in replay/auto mode; undefined means: record it. */
  const lookUp = async (plan: CallPlan): Promise<LoadedCassette | undefined> => {
    if (context.mode === 'record') return undefined;
    const loaded = await context.store.find(plan.lookup);
    if (loaded === undefined && context.mode === 'replay') throw await cassetteNotFound(context, plan);
    if (loaded !== undefined && loaded.cassette.kind !== plan.kind) {
      throw new InvalidCassetteError(
        loaded.file,
        `it holds a ${loaded.cassette.kind} call, not a ${plan.kind} call.`,
      );
    }
    return loaded;
  };

  const wrongKind = (loaded: LoadedCassette, type: StoredResult['type']): never => {
    throw new InvalidCassetteError(loaded.file, `it holds a ${type} result.`);
  };
  const storedGenerate = (loaded: LoadedCassette): GenerateResult => {
    const stored = readStoredResult(loaded, provider);
    return stored.type === 'generate' ? stored.value : wrongKind(loaded, stored.type);
  };
  const storedStream = (loaded: LoadedCassette): StreamResult => {
    const stored = readStoredResult(loaded, provider);
    return stored.type === 'stream' ? stored.value : wrongKind(loaded, stored.type);
  };
  const storedEmbed = (loaded: LoadedCassette): EmbedResult => {
    const stored = readStoredResult(loaded, provider);
    return stored.type === 'embed' ? stored.value : wrongKind(loaded, stored.type);
  };

  const saveError = async (plan: CallPlan, call: AnyCall, recorded: RecorderState, error: unknown) => {
    // An abort is the caller's doing, not the provider's answer.
    if (call.signal.aborted) return;
    await saveRecording(
      context,
      plan,
      recorded.recording.exchanges,
      { type: 'error', error: serializeError(error) },
      recorded.secrets,
    );
  };

  const oneShot = async <T, C extends AnyCall>(
    kind: Extract<CassetteKind, 'generate' | 'embed'>,
    call: C,
    request: unknown,
    invoke: (call: C) => Promise<T>,
    fromStore: (loaded: LoadedCassette) => T,
  ): Promise<T> => {
    const plan = await planCall(context, name, kind, call.modelId, request);
    const loaded = await lookUp(plan);
    if (loaded !== undefined) {
      if (loaded.exchanges.length === 0) return fromStore(loaded);
      const replay = createReplayFetch({
        exchanges: loaded.exchanges,
        timing: context.timing,
        file: loaded.file,
      });
      const value = await invoke({ ...call, fetch: replay.fetch });
      if (replay.served() === 0) throw notReplayed(loaded.file);
      return value;
    }
    const recorded = recorder(call, false);
    let value: T;
    try {
      value = await invoke({ ...call, fetch: recorded.recording.fetch });
    } catch (error) {
      await saveError(plan, call, recorded, error);
      throw error;
    }
    await saveRecording(
      context,
      plan,
      recorded.recording.exchanges,
      { type: kind, value: toJsonValue(value) },
      recorded.secrets,
    );
    return value;
  };

  const doGenerate = (call: ProviderCall): Promise<GenerateResult> =>
    oneShot('generate', call, call.request, (next) => adapter.doGenerate(next), storedGenerate);

  const doStream = async (call: ProviderCall): Promise<StreamResult> => {
    const plan = await planCall(context, name, 'stream', call.modelId, call.request);
    const loaded = await lookUp(plan);
    if (loaded !== undefined) {
      if (loaded.exchanges.length === 0) return storedStream(loaded);
      const replay = createReplayFetch({
        exchanges: loaded.exchanges,
        timing: context.timing,
        file: loaded.file,
      });
      const started = await adapter.doStream({ ...call, fetch: replay.fetch });
      if (replay.served() === 0) {
        await started.stream.cancel();
        throw notReplayed(loaded.file);
      }
      return started;
    }
    const recorded = recorder(call, true);
    let started: StreamResult;
    try {
      started = await adapter.doStream({ ...call, fetch: recorded.recording.fetch });
    } catch (error) {
      await saveError(plan, call, recorded, error);
      throw error;
    }
    const stream = recordStreamParts(started.stream, async (parts, error) => {
      if (call.signal.aborted) return;
      await drainBodies(recorded.recording, call.signal);
      await saveRecording(
        context,
        plan,
        recorded.recording.exchanges,
        {
          type: 'stream',
          warnings: toJsonValue(started.warnings),
          parts: parts.map(serializeStreamPart),
          ...(error === undefined ? {} : { error: serializeError(error) }),
        },
        recorded.secrets,
      );
    });
    return { stream, warnings: started.warnings };
  };

  const wrapped: ProviderAdapter = {
    specificationVersion: 'v1',
    provider,
    ...(adapter.capabilities === undefined ? {} : { capabilities: adapter.capabilities }),
    doGenerate,
    doStream,
  };
  const embed = adapter.doEmbed?.bind(adapter);
  if (embed !== undefined) {
    wrapped.doEmbed = (call: EmbedCall): Promise<EmbedResult> =>
      oneShot('embed', call, { ...call.request, model: call.modelId }, embed, storedEmbed);
  }
  const listModels = adapter.listModels?.bind(adapter);
  if (listModels !== undefined) wrapped.listModels = listModels;
  return wrapped;
}

interface RecorderState {
  secrets: SecretCollector;
  recording: RecordingFetch;
}

/** Reads what the adapter left unread of streamed bodies, so the cassette has the whole response. */
const drainBodies = async (recording: RecordingFetch, signal: AbortSignal): Promise<void> => {
  for (const exchange of recording.exchanges) {
    const body = exchange.response?.body;
    if (body?.kind === 'chunks') await body.drain(signal);
  }
};
