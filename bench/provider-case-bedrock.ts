import { bedrock } from '@switchyard/providers/bedrock';
import { conversation, outcome, type ProviderCase } from './provider-case.js';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  FetchHttpHandler,
  sdkLabel,
} from './provider-sdks.js';

const { system, prompt, maxTokens, temperature, stop } = conversation;
const region = 'us-east-1';
// AWS's documented example credentials: requests are signed (SigV4) on both paths, never sent.
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/**
 * The AWS SDK has no `fetch` option: its transport is a Smithy request handler. The SDK-alone path uses
 * the SDK's own fetch transport, `FetchHttpHandler` with `customFetch` (the browser default, which
 * builds a `Request` per call); the adapter plugs in its own handler (`create-fetch-http-handler.ts`),
 * whose cost is therefore part of the adapter's overhead.
 */
export const bedrockCase: ProviderCase = {
  id: 'bedrock',
  sdk: sdkLabel('@aws-sdk/client-bedrock-runtime'),
  modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
  sdkCall(mode, fetch) {
    const client = new BedrockRuntimeClient({
      region,
      credentials,
      requestHandler: new FetchHttpHandler({ customFetch: fetch }),
      maxAttempts: 1,
    });
    const input = {
      modelId: this.modelId,
      system: [{ text: system }],
      messages: [{ role: 'user' as const, content: [{ text: prompt }] }],
    };
    if (mode === 'non-streaming') {
      return async (signal) => {
        const command = new ConverseCommand({
          ...input,
          inferenceConfig: { maxTokens, temperature, stopSequences: [...stop] },
        });
        const output = await client.send(command, { abortSignal: signal });
        const text = (output.output?.message?.content ?? []).map((block) => block.text ?? '').join('');
        return outcome(text, output.stopReason);
      };
    }
    return async (signal) => {
      const command = new ConverseStreamCommand({ ...input, inferenceConfig: { maxTokens } });
      const output = await client.send(command, { abortSignal: signal });
      let text = '';
      let finish: string | undefined;
      for await (const event of output.stream ?? []) {
        text += event.contentBlockDelta?.delta?.text ?? '';
        finish = event.messageStop?.stopReason ?? finish;
      }
      return outcome(text, finish);
    };
  },
  createAdapter: (fetch) => bedrock({ region, credentials, fetch }),
};
