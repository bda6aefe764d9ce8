import type { SwitchyardMetadata } from '@switchyard/core';
import { isRecord } from '../internal/is-record.js';
import { GATEWAY_REQUESTS } from '../setup/gateway-requests-key.js';
import type { RecordedRequest } from '../setup/recorded-request.js';
import type { MatcherSubject } from './matcher-subject.js';

const isMetadata = (value: unknown): value is SwitchyardMetadata =>
  isRecord(value) && Array.isArray(value.attempts) && typeof value.cache === 'string';

const recordedRequests = (value: unknown): ReadonlyArray<RecordedRequest> | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const read: unknown = Reflect.get(value, GATEWAY_REQUESTS);
  if (typeof read !== 'function') return undefined;
  const requests: unknown = read();
  return Array.isArray(requests) ? requests : undefined;
};

/**
 * Finds the requests behind a matcher's subject: a test gateway's recorded requests (also through the
 * testbed `setupSwitchyard()` returns), or the one request of a completion, stream or embeddings response.
 */
export function readMatcherSubject(received: unknown, matcher: string): MatcherSubject {
  const gatewayRequests =
    recordedRequests(received) ?? (isRecord(received) ? recordedRequests(received.gateway) : undefined);
  if (gatewayRequests !== undefined) {
    return {
      label: 'gateway',
      requests: gatewayRequests.map((request) => ({ metadata: request.switchyard, status: request.status })),
    };
  }
  const metadata: unknown =
    typeof received === 'object' && received !== null ? Reflect.get(received, 'switchyard') : undefined;
  if (isMetadata(metadata)) {
    const label =
      typeof received === 'object' && received !== null && Symbol.asyncIterator in received
        ? 'stream'
        : 'completion';
    return { label, requests: [{ metadata }] };
  }
  throw new TypeError(
    `${matcher}: expected a gateway from setupSwitchyard() (or its testbed), or a completion, stream or embeddings response with \`switchyard\` metadata; received ${describeValue(received)}.`,
  );
}

const describeValue = (value: unknown): string => {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const name: unknown = Reflect.get(value, 'constructor')?.name;
  return typeof name === 'string' && name !== 'Object'
    ? `a ${name}`
    : 'an object without `switchyard` metadata';
};
