import type { AttemptRecord, CacheStatus, Warning } from '@switchyard/core';
import { isRecord } from '../internal/is-record.js';
import { isRequestStatus } from './log-query.js';
import type {
  GuardrailVerdict,
  LoggedChoice,
  LoggedError,
  LoggedUsage,
  RequestLogRecord,
} from './request-log-record.js';

const CACHE_STATUSES: ReadonlySet<string> = new Set<CacheStatus>(['hit', 'semantic-hit', 'miss', 'bypass']);

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const list = (value: unknown): Array<unknown> => (Array.isArray(value) ? value : []);
const records = (value: unknown): Array<Record<string, unknown>> => list(value).filter(isRecord);
const isCacheStatus = (value: string): value is CacheStatus => CACHE_STATUSES.has(value);

const readAttempt = (value: Record<string, unknown>): AttemptRecord => {
  const attempt: AttemptRecord = {
    provider: str(value.provider) ?? '',
    model: str(value.model) ?? '',
    status: num(value.status) ?? 0,
    latencyMs: num(value.latencyMs) ?? 0,
  };
  const error = str(value.error);
  if (error !== undefined) attempt.error = error;
  return attempt;
};

const readWarning = (value: Record<string, unknown>): Warning => {
  const warning: Warning = { type: value.type === 'unsupported-setting' ? value.type : 'other', message: '' };
  warning.message = str(value.message) ?? '';
  const setting = str(value.setting);
  if (setting !== undefined) warning.setting = setting;
  return warning;
};

const readError = (value: unknown): LoggedError | undefined => {
  if (!isRecord(value)) return undefined;
  return {
    name: str(value.name) ?? 'Error',
    type: str(value.type) ?? 'api_error',
    code: str(value.code) ?? null,
    message: str(value.message) ?? '',
  };
};

const readUsage = (value: unknown): LoggedUsage | undefined => {
  if (!isRecord(value)) return undefined;
  const usage: LoggedUsage = {
    inputTokens: num(value.inputTokens) ?? 0,
    outputTokens: num(value.outputTokens) ?? 0,
    totalTokens: num(value.totalTokens) ?? 0,
  };
  const cached = num(value.cachedTokens);
  if (cached !== undefined) usage.cachedTokens = cached;
  const reasoning = num(value.reasoningTokens);
  if (reasoning !== undefined) usage.reasoningTokens = reasoning;
  return usage;
};

const readVerdict = (value: Record<string, unknown>): GuardrailVerdict => {
  const verdict: GuardrailVerdict = {
    check: str(value.check) ?? '',
    stage: str(value.stage) ?? 'unknown',
    verdict: str(value.verdict) ?? '',
  };
  const action = str(value.action);
  if (action !== undefined) verdict.action = action;
  return verdict;
};

const readChoice = (value: Record<string, unknown>): LoggedChoice => {
  const choice: LoggedChoice = {
    index: num(value.index) ?? 0,
    content: str(value.content) ?? null,
    finishReason: str(value.finishReason) ?? null,
  };
  const refusal = str(value.refusal);
  if (refusal !== undefined) choice.refusal = refusal;
  if (Array.isArray(value.toolCalls)) {
    choice.toolCalls = records(value.toolCalls).map((call) => ({
      name: str(call.name) ?? '',
      arguments: str(call.arguments) ?? '',
    }));
  }
  return choice;
};

const readMetadata = (value: unknown): Record<string, string> => {
  const metadata: Record<string, string> = {};
  if (!isRecord(value)) return metadata;
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string') metadata[key] = field;
  }
  return metadata;
};

/** Reads a stored record back (from PostgreSQL JSON); undefined when it is not one. */
export function readLogRecord(value: unknown): RequestLogRecord | undefined {
  if (!isRecord(value)) return undefined;
  const { id, traceId, timestamp, status, route, cache } = value;
  if (typeof id !== 'string' || typeof traceId !== 'string' || typeof timestamp !== 'string')
    return undefined;
  if (typeof status !== 'string' || !isRequestStatus(status) || typeof route !== 'string') return undefined;
  const record: RequestLogRecord = {
    id,
    traceId,
    timestamp,
    durationMs: num(value.durationMs) ?? 0,
    status,
    statusCode: num(value.statusCode) ?? 0,
    route,
    requestedModel: str(value.requestedModel) ?? '',
    stream: value.stream === true,
    cache: typeof cache === 'string' && isCacheStatus(cache) ? cache : 'bypass',
    attempts: records(value.attempts).map(readAttempt),
    retries: num(value.retries) ?? 0,
    fallbacks: num(value.fallbacks) ?? 0,
    warnings: records(value.warnings).map(readWarning),
    metadata: readMetadata(value.metadata),
  };
  const ttft = num(value.timeToFirstTokenMs);
  if (ttft !== undefined) record.timeToFirstTokenMs = ttft;
  const error = readError(value.error);
  if (error !== undefined) record.error = error;
  const provider = str(value.provider);
  if (provider !== undefined) record.provider = provider;
  const model = str(value.model);
  if (model !== undefined) record.model = model;
  const usage = readUsage(value.usage);
  if (usage !== undefined) record.usage = usage;
  const cost = num(value.cost);
  if (cost !== undefined) record.cost = cost;
  const responseId = str(value.responseId);
  if (responseId !== undefined) record.responseId = responseId;
  if (Array.isArray(value.finishReasons))
    record.finishReasons = list(value.finishReasons).flatMap((r) => str(r) ?? []);
  if (Array.isArray(value.guardrails)) record.guardrails = records(value.guardrails).map(readVerdict);
  if (value.request !== undefined) record.request = value.request;
  if (Array.isArray(value.response)) record.response = records(value.response).map(readChoice);
  return record;
}
