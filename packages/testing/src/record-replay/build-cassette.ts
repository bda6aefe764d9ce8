import { editFieldPath } from '../internal/edit-field-path.js';
import type { JsonValue } from '../internal/json-value.js';
import { toJsonValue } from '../internal/to-json-value.js';
import type { CanonicalRequest } from './canonical-request.js';
import type { Cassette, CassetteExchange, CassetteResult } from './cassette.js';
import { encodeBody } from './encode-body.js';
import { encodeChunksFile } from './encode-chunks-file.js';
import type { RecordedExchange } from './recorded-exchange.js';
import { REDACTED } from './redaction-defaults.js';
import type { RedactionSettings } from './redaction-settings.js';
import { scrubChunks } from './scrub-chunks.js';
import { scrubJson } from './scrub-json.js';
import type { SecretCollector } from './secret-collector.js';

export interface BuildCassetteInput {
  provider: string;
  modelId: string;
  key: string;
  canonical: CanonicalRequest;
  exchanges: ReadonlyArray<RecordedExchange>;
  result: CassetteResult;
  /** The cassette's file name without `.json`; chunk files are named after it. */
  baseName: string;
  redaction: RedactionSettings;
  secrets: SecretCollector;
}

/** What gets written: the cassette JSON and its `.chunks.txt` files by name. */
export interface BuiltCassette {
  cassette: JsonValue;
  chunkFiles: Map<string, string>;
}

const chunksFileName = (baseName: string, index: number): string =>
  index === 0 ? `${baseName}.chunks.txt` : `${baseName}.exchange-${index + 1}.chunks.txt`;

/**
 * Turns a recorded call into cassette files: bodies encoded, streamed bodies moved to `.chunks.txt`
 * files, then every known secret scrubbed from every string and the configured fields redacted.
 */
export function buildCassette(input: BuildCassetteInput): BuiltCassette {
  const chunkFiles = new Map<string, string>();
  const exchanges = input.exchanges.map((recorded, index): CassetteExchange => {
    const exchange: CassetteExchange = { request: recorded.request };
    const response = recorded.response;
    if (response !== undefined) {
      const head = { status: response.status, statusText: response.statusText, headers: response.headers };
      if (response.body.kind === 'bytes') {
        exchange.response = { ...head, ...encodeBody(response.body.bytes) };
      } else {
        const name = chunksFileName(input.baseName, index);
        chunkFiles.set(name, encodeChunksFile(scrubChunks(response.body.recorded, input.secrets)));
        exchange.response = { ...head, chunksFile: name };
      }
    }
    if (recorded.error !== undefined) exchange.error = recorded.error;
    return exchange;
  });
  const cassette: Cassette = {
    switchyardCassette: 1,
    provider: input.provider,
    kind: input.canonical.kind,
    modelId: input.modelId,
    key: input.key,
    request: input.canonical.request,
    exchanges,
    result: input.result,
  };
  const json = scrubJson(toJsonValue(cassette), input.secrets);
  for (const path of input.redaction.fieldPaths) {
    editFieldPath(json, path, { action: 'replace', replacement: REDACTED });
  }
  return { cassette: json, chunkFiles };
}
