import { isRecord } from '../internal/is-record.js';
import type { JsonValue } from '../internal/json-value.js';

/** One field that differs between a cassette's request and the request being matched; undefined = absent. */
export interface CassetteDifference {
  /** E.g. `request.messages[0].content`. */
  readonly path: string;
  readonly cassette: JsonValue | undefined;
  readonly request: JsonValue | undefined;
}

const childPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

/** Every leaf field where `cassette` and `request` differ, in key order, with its path. */
export function diffJson(
  cassette: JsonValue | undefined,
  request: JsonValue | undefined,
  path = '',
): Array<CassetteDifference> {
  if (Array.isArray(cassette) && Array.isArray(request)) {
    const differences: Array<CassetteDifference> = [];
    for (let index = 0; index < Math.max(cassette.length, request.length); index++) {
      differences.push(...diffJson(cassette[index], request[index], childPath(path, index)));
    }
    return differences;
  }
  if (isRecord(cassette) && isRecord(request)) {
    const keys = [...new Set([...Object.keys(cassette), ...Object.keys(request)])].sort();
    return keys.flatMap((key) =>
      diffJson(
        Object.hasOwn(cassette, key) ? cassette[key] : undefined,
        Object.hasOwn(request, key) ? request[key] : undefined,
        childPath(path, key),
      ),
    );
  }
  if (cassette === request) return [];
  return [{ path, cassette, request }];
}
