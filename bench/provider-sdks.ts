/**
 * The vendor SDKs the provider section drives directly. They are devDependencies of
 * `@switchyard/providers` only, so `bench/` cannot import them by name: each comes from that package's
 * `node_modules`, by the very file the adapter loads (the `node`/`import` export, else `main`), so the
 * SDK-alone path and the adapter share one module instance.
 */

import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as BedrockRuntime from '../packages/providers/node_modules/@aws-sdk/client-bedrock-runtime/dist-types/index.js';
import type * as GoogleGenAI from '../packages/providers/node_modules/@google/genai/dist/node/node.js';
import type { FetchFunction } from './canned-fetch.js';

export { default as Anthropic } from '../packages/providers/node_modules/@anthropic-ai/sdk/index.mjs';
export { HTTPClient, Mistral } from '../packages/providers/node_modules/@mistralai/mistralai/esm/index.js';
export { CohereClientV2 } from '../packages/providers/node_modules/cohere-ai/index.js';

const sdkDirectory = new URL('../packages/providers/node_modules/', import.meta.url);

// A computed specifier: TypeScript cannot type these entry files (their declarations live elsewhere),
// so each is typed by the declarations imported above.
const load = <T>(path: string): Promise<T> => import(new URL(path, sdkDirectory).href) as Promise<T>;

export const { GoogleGenAI: GoogleClient } = await load<typeof GoogleGenAI>(
  '@google/genai/dist/node/index.mjs',
);

export const { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } = await load<
  typeof BedrockRuntime
>('@aws-sdk/client-bedrock-runtime/dist-cjs/index.js');

type RequestHandler = NonNullable<BedrockRuntime.BedrockRuntimeClientConfig['requestHandler']>;

interface FetchHttpHandlerModule {
  readonly FetchHttpHandler: new (options: { readonly customFetch: FetchFunction }) => RequestHandler;
}

/**
 * The AWS SDK's own fetch transport (`@smithy/fetch-http-handler`, its browser default), which takes a
 * `customFetch`. It is a dependency of the Bedrock client, so it resolves from that package's real path.
 */
export const { FetchHttpHandler } = createRequire(
  realpathSync(fileURLToPath(new URL('@aws-sdk/client-bedrock-runtime/package.json', sdkDirectory))),
)('@smithy/fetch-http-handler') as FetchHttpHandlerModule;

/** `name version` of a vendor SDK, from its `package.json`. */
export function sdkLabel(name: string): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL(`${name}/package.json`, sdkDirectory), 'utf8'));
  const version =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
  return `${name} ${typeof version === 'string' ? version : '?'}`;
}
