import { isRecord } from '../internal/is-record.js';
import { toJsonValue } from '../internal/to-json-value.js';
import type {
  Cassette,
  CassetteBody,
  CassetteExchange,
  CassetteHttpRequest,
  CassetteHttpResponse,
  CassetteKind,
  CassetteResult,
  StoredError,
} from './cassette.js';
import { InvalidCassetteError } from './invalid-cassette-error.js';

/** A `.chunks.txt` name next to the cassette: no directories, so a cassette cannot point outside `dir`. */
export const CHUNKS_FILE_NAME = /^[A-Za-z0-9._-]+\.chunks\.txt$/;

const KINDS: ReadonlyArray<CassetteKind> = ['generate', 'stream', 'embed'];

type Fail = (path: string, expected: string) => never;

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

const field = (value: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(value, key) ? value[key] : undefined;

const readRecord = (value: unknown, path: string, fail: Fail): Record<string, unknown> =>
  isRecord(value) ? value : fail(path, 'an object');

const readString = (value: Record<string, unknown>, key: string, path: string, fail: Fail): string => {
  const found = field(value, key);
  return typeof found === 'string' ? found : fail(join(path, key), 'a string');
};

const readOptionalString = (value: Record<string, unknown>, key: string, path: string, fail: Fail) => {
  const found = field(value, key);
  if (found === undefined) return undefined;
  return typeof found === 'string' ? found : fail(join(path, key), 'a string');
};

const readHeaders = (value: unknown, path: string, fail: Fail): Record<string, string> => {
  const headers = readRecord(value, path, fail);
  for (const [name, header] of Object.entries(headers)) {
    if (typeof header !== 'string') fail(`${path}.${name}`, 'a string');
  }
  return Object.fromEntries(Object.entries(headers).map(([name, header]) => [name, String(header)]));
};

const readBody = (value: Record<string, unknown>, path: string, fail: Fail): CassetteBody => {
  const body: CassetteBody = {};
  if (field(value, 'body') !== undefined) body.body = toJsonValue(field(value, 'body'));
  const format = field(value, 'bodyFormat');
  if (format !== undefined) {
    if (format !== 'compact' && format !== 'pretty') fail(`${path}.bodyFormat`, "'compact' or 'pretty'");
    body.bodyFormat = format === 'pretty' ? 'pretty' : 'compact';
  }
  if (field(value, 'bodyNewline') !== undefined) {
    if (field(value, 'bodyNewline') !== true) fail(`${path}.bodyNewline`, 'true');
    body.bodyNewline = true;
  }
  if (field(value, 'bodyAsciiEscaped') !== undefined) {
    if (field(value, 'bodyAsciiEscaped') !== true) fail(`${path}.bodyAsciiEscaped`, 'true');
    body.bodyAsciiEscaped = true;
  }
  const text = readOptionalString(value, 'bodyText', path, fail);
  if (text !== undefined) body.bodyText = text;
  const base64 = readOptionalString(value, 'bodyBase64', path, fail);
  if (base64 !== undefined) body.bodyBase64 = base64;
  return body;
};

const readHttpRequest = (value: unknown, path: string, fail: Fail): CassetteHttpRequest => {
  const request = readRecord(value, path, fail);
  return {
    method: readString(request, 'method', path, fail),
    url: readString(request, 'url', path, fail),
    headers: readHeaders(field(request, 'headers'), `${path}.headers`, fail),
    ...readBody(request, path, fail),
  };
};

const readHttpResponse = (value: unknown, path: string, fail: Fail): CassetteHttpResponse => {
  const response = readRecord(value, path, fail);
  const status = field(response, 'status');
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    fail(`${path}.status`, 'an HTTP status from 200 to 599');
  }
  const chunksFile = readOptionalString(response, 'chunksFile', path, fail);
  if (chunksFile !== undefined && !CHUNKS_FILE_NAME.test(chunksFile)) {
    fail(`${path}.chunksFile`, 'a file name ending in .chunks.txt, without a directory');
  }
  return {
    status: Number(status),
    statusText: readString(response, 'statusText', path, fail),
    headers: readHeaders(field(response, 'headers'), `${path}.headers`, fail),
    ...readBody(response, path, fail),
    ...(chunksFile === undefined ? {} : { chunksFile }),
  };
};

const readExchange = (value: unknown, path: string, fail: Fail): CassetteExchange => {
  const exchange = readRecord(value, path, fail);
  const response = field(exchange, 'response');
  const error = readOptionalString(exchange, 'error', path, fail);
  if (response === undefined && error === undefined) fail(path, 'a `response` or an `error`');
  return {
    request: readHttpRequest(field(exchange, 'request'), `${path}.request`, fail),
    ...(response === undefined ? {} : { response: readHttpResponse(response, `${path}.response`, fail) }),
    ...(error === undefined ? {} : { error }),
  };
};

const readStoredError = (value: unknown, path: string, fail: Fail): StoredError => {
  const error = readRecord(value, path, fail);
  const status = field(error, 'status');
  if (status !== undefined && typeof status !== 'number') fail(`${path}.status`, 'a number');
  const headers = field(error, 'headers');
  const body = field(error, 'body');
  return {
    name: readString(error, 'name', path, fail),
    message: readString(error, 'message', path, fail),
    ...(typeof status === 'number' ? { status } : {}),
    ...(headers === undefined ? {} : { headers: readHeaders(headers, `${path}.headers`, fail) }),
    ...(body === undefined ? {} : { body: toJsonValue(body) }),
  };
};

const readResult = (value: unknown, path: string, fail: Fail): CassetteResult => {
  const result = readRecord(value, path, fail);
  const type = field(result, 'type');
  if (type === 'generate' || type === 'embed') {
    if (field(result, 'value') === undefined) fail(`${path}.value`, 'the adapter result');
    return { type, value: toJsonValue(field(result, 'value')) };
  }
  if (type === 'stream') {
    const parts = field(result, 'parts');
    if (!Array.isArray(parts)) return fail(`${path}.parts`, 'an array of stream parts');
    const error = field(result, 'error');
    return {
      type,
      warnings: toJsonValue(field(result, 'warnings') ?? []),
      parts: parts.map(toJsonValue),
      ...(error === undefined ? {} : { error: readStoredError(error, `${path}.error`, fail) }),
    };
  }
  if (type === 'error')
    return { type, error: readStoredError(field(result, 'error'), `${path}.error`, fail) };
  return fail(`${path}.type`, "'generate', 'stream', 'embed' or 'error'");
};

/**
 * Checks that parsed JSON is a cassette and returns it typed. Cassettes are files people edit and
 * merge, so anything unexpected is an `InvalidCassetteError` that names the file and the field.
 */
export function parseCassette(value: unknown, file: string): Cassette {
  const fail: Fail = (path, expected) => {
    throw new InvalidCassetteError(file, `${path} should be ${expected}.`);
  };
  const cassette = readRecord(value, '(the file)', fail);
  if (field(cassette, 'switchyardCassette') !== 1) {
    fail('switchyardCassette', '1 (this is not a Switchyard cassette, or one from a newer version)');
  }
  const kind = field(cassette, 'kind');
  const known = KINDS.find((candidate) => candidate === kind);
  if (known === undefined) return fail('kind', "'generate', 'stream' or 'embed'");
  const key = readString(cassette, 'key', '', fail);
  if (!/^[0-9a-f]{64}$/.test(key)) fail('key', 'a SHA-256 hex digest');
  const exchanges = field(cassette, 'exchanges');
  if (!Array.isArray(exchanges)) return fail('exchanges', 'an array');
  if (field(cassette, 'request') === undefined) fail('request', 'the recorded request');
  return {
    switchyardCassette: 1,
    provider: readString(cassette, 'provider', '', fail),
    kind: known,
    modelId: readString(cassette, 'modelId', '', fail),
    key,
    request: toJsonValue(field(cassette, 'request')),
    exchanges: exchanges.map((exchange, index) => readExchange(exchange, `exchanges[${index}]`, fail)),
    result: readResult(field(cassette, 'result'), 'result', fail),
  };
}
