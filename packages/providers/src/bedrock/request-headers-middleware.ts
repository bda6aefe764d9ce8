import { isRecord } from '../shared/json-readers.js';

/** Where `requestHeadersMiddleware` goes: the build step, before signing. */
export const REQUEST_HEADERS_STEP = {
  step: 'build',
  name: 'switchyardRequestHeaders',
  override: true,
} as const;

/**
 * An AWS SDK middleware that adds headers to a command's HTTP request. In the build step it runs
 * before signing, so with SigV4 the headers are signed like the SDK's own; it works on a client the
 * caller configured, too. Add it per command: `command.middlewareStack.add(middleware, REQUEST_HEADERS_STEP)`.
 */
export function requestHeadersMiddleware(headers: Record<string, string>) {
  return <A extends { request: unknown }, R>(next: (args: A) => Promise<R>) =>
    async (args: A): Promise<R> => {
      if (isRecord(args.request) && isRecord(args.request.headers))
        Object.assign(args.request.headers, headers);
      return next(args);
    };
}
