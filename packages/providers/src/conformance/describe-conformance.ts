import {
  type ChatCompletionCreateParamsBase,
  createGateway,
  type FetchFunction,
  type GenerateResult,
  type ProviderAdapter,
  type ProviderCapabilities,
  RateLimitError,
  type StreamPart,
} from '@switchyard/core';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import {
  type FixtureResponse,
  fixtureFetch,
  type RecordedRequest,
  readAll,
} from '../test-utils/fixture-fetch.js';
import { SCENARIOS, type Scenario, type ScenarioName } from './conformance-scenarios.js';
import { expectDropIn } from './expect-drop-in.js';
import { expectGenerated, expectStreamed } from './expect-provider-result.js';

export interface ConformanceOptions {
  /** The provider key in the gateway and the suite's title, e.g. `anthropic`. */
  name: string;
  createAdapter(fetch: FetchFunction): ProviderAdapter & { readonly capabilities: ProviderCapabilities };
  /** The provider's model id used in every scenario. */
  modelId: string;
  /** The provider's wire response for each scenario its capabilities require (note each source). */
  fixtures: Partial<Record<ScenarioName, FixtureResponse>>;
  /** Checks the wire request the adapter sent for each scenario; write them as inline snapshots. */
  wire: Partial<Record<ScenarioName, (request: RecordedRequest) => void>>;
  /** The provider returns reasoning text, not only reasoning token counts. Default true. */
  reasoningText?: boolean;
}

const required = (scenario: Scenario, capabilities: ProviderCapabilities): boolean =>
  scenario.requires === undefined || capabilities[scenario.requires];

const callFor = (options: ConformanceOptions, scenario: Scenario) => ({
  modelId: options.modelId,
  request: { ...scenario.request, model: options.modelId },
  signal: new AbortController().signal,
  headers: {},
});

/**
 * Registers the shared conformance suite for one adapter: for every scenario its declared capabilities
 * require, the wire request is checked, the provider's recorded response goes through the official SDK
 * (via an injected fetch), and the mapped result is checked; the six core scenarios also run end to end
 * with the `openai` client over `gateway.fetch`. A declared capability without a fixture fails.
 */
export function describeConformance(options: ConformanceOptions): void {
  const { capabilities } = options.createAdapter(fixtureFetch({ body: '{}' }).fetch);

  describe(`${options.name} conformance`, () => {
    for (const scenario of SCENARIOS) {
      if (!required(scenario, capabilities)) continue;
      const fixture = options.fixtures[scenario.name];
      const checkWire = options.wire[scenario.name];

      it(`${scenario.name}: wire request and mapped result`, async () => {
        expect(fixture, `fixture for '${scenario.name}'`).toBeDefined();
        expect(checkWire, `wire check for '${scenario.name}'`).toBeDefined();
        if (fixture === undefined || checkWire === undefined) return;
        const { fetch, requests } = fixtureFetch({
          ...fixture,
          chunkSizes: fixture.chunkSizes ?? [7, 13, 64],
        });
        const adapter = options.createAdapter(fetch);

        if (scenario.name === 'rate-limit') {
          const error = await adapter.doGenerate(callFor(options, scenario)).catch((e: unknown) => e);
          expect(RateLimitError.isInstance(error), String(error)).toBe(true);
          expect(error).toMatchObject({ status: 429, isRetryable: true, provider: adapter.provider });
          expect((error as RateLimitError).body).toBeDefined();
        } else if (scenario.stream) {
          const { stream } = await adapter.doStream(callFor(options, scenario));
          const parts: Array<StreamPart> = await readAll(stream);
          expectStreamed(scenario.name, parts, options);
        } else {
          const result: GenerateResult = await adapter.doGenerate(callFor(options, scenario));
          expectGenerated(scenario.name, result, options);
        }
        expect(requests).toHaveLength(1);
        const [request] = requests;
        if (request !== undefined) checkWire(request);
      });

      if (!scenario.dropIn) continue;
      it(`${scenario.name}: the openai client over gateway.fetch`, async () => {
        if (fixture === undefined) return;
        const { fetch } = fixtureFetch(fixture);
        const gateway = createGateway({
          providers: { [options.name]: options.createAdapter(fetch) },
          maxRetries: 0,
        });
        const client = new OpenAI({
          baseURL: 'http://switchyard.local/v1',
          apiKey: 'unused',
          fetch: gateway.fetch,
          maxRetries: 0,
        });
        const body: ChatCompletionCreateParamsBase = {
          ...scenario.request,
          model: `${options.name}/${options.modelId}`,
        };
        await expectDropIn(scenario.name, client, body, options);
      });
    }
  });
}
