import { describe, expect, it } from 'vitest';
import { openAIModerationResponse } from '../__fixtures__/openai-moderation-response.js';
import { lastMessage, setupGateway } from '../__fixtures__/setup-gateway.js';
import { type ContentClassifier, contentPolicy, guardrails, llmJudge, openAIModeration } from '../index.js';

/** A stand-in classifier: scores by the words it sees. */
const lexicon: ContentClassifier = (text) => ({
  hate: text.includes('despise') ? 0.9 : 0.01,
  violence: text.includes('punch') ? 0.6 : 0.02,
  'self-harm/intent': text.includes('hurt myself') ? 0.95 : 0,
});

describe('content_policy and toxicity_check', () => {
  it('fails per category threshold; a category covers its subcategories', async () => {
    const check = contentPolicy({
      classifier: lexicon,
      categories: ['hate', 'violence', 'self-harm'],
      thresholds: { violence: 0.7 },
    });
    const run = (text: string) =>
      check.run({
        stage: 'input',
        text,
        request: { model: 'm', messages: [] },
        response: undefined,
        signal: undefined,
        requestOptions: () => ({}),
      });
    expect(await run('I despise Mondays')).toMatchObject({
      verdict: 'fail',
      reason: 'Flagged for hate (0.90).',
    });
    expect(await run('I will punch the clock')).toMatchObject({ verdict: 'pass' });
    expect(await run('I want to hurt myself')).toMatchObject({
      verdict: 'fail',
      reason: 'Flagged for self-harm (0.95).',
    });
  });

  it('runs the article configuration with the gateway-wide classifier, on input and output', async () => {
    const guards = guardrails({
      classifier: lexicon,
      sets: {
        'input-validation': { input: [{ type: 'toxicity_check', threshold: 0.8, action: 'block' }] },
        'output-validation': {
          output: [
            { type: 'content_policy', categories: ['hate', 'violence', 'self-harm'], action: 'block' },
          ],
        },
      },
    });
    const options = { guardrails: ['input-validation', 'output-validation'] };
    const { ask, mock } = setupGateway([guards], {
      reply: (call) => (lastMessage(call).includes('rant') ? 'I despise you' : 'Fine.'),
    });
    await expect(ask('I despise you', options)).rejects.toMatchObject({
      violation: { check: 'toxicity_check', stage: 'input' },
    });
    expect(mock.calls).toHaveLength(0);
    await expect(ask('write a rant', options)).rejects.toMatchObject({
      violation: { check: 'content_policy', stage: 'output' },
    });
    await expect(ask('write a rant')).resolves.toBeDefined();
  });

  it('uses an LLM judge through the same gateway with a strict JSON verdict; the judge itself is not judged', async () => {
    // Registered names resolve per request, so the judge can use the gateway the guardrails belong to.
    const guards = guardrails({ input: ['harassment-judge'] });
    const { gateway, ask, mock } = setupGateway([guards], {
      reply: (call) => {
        if (call.request.response_format?.type !== 'json_schema') return 'A friendly answer.';
        const harassment = lastMessage(call).includes('idiot') ? 0.91 : 0.03;
        return JSON.stringify({
          scores: { hate: 0, harassment, violence: 0, 'self-harm': 0, sexual: 0, toxicity: 0 },
        });
      },
    });
    const classifier = llmJudge({ gateway: () => gateway, model: 'p/judge' });
    guards.register('harassment-judge', contentPolicy({ categories: ['harassment'], classifier }), {
      stage: 'input',
    });

    await expect(ask('you idiot')).rejects.toThrow('Flagged for harassment (0.91).');
    expect(mock.calls.map((call) => call.modelId)).toEqual(['judge']);
    const verdictCall = mock.calls[0];
    expect(verdictCall?.kind === 'embed' ? undefined : verdictCall?.request.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'moderation_verdict', strict: true },
    });
    await expect(ask('hello friend')).resolves.toMatchObject({
      choices: [{ message: { content: 'A friendly answer.' } }],
    });
    expect(mock.calls.map((call) => call.modelId)).toEqual(['judge', 'judge', 'm']);
  });

  it('fails closed when the judge does not answer with a valid verdict (or open, if configured)', async () => {
    const classifierFor = (reply: string) => {
      const judgeGateway = setupGateway([], { reply }).gateway;
      return llmJudge({ gateway: judgeGateway, model: 'p/judge', categories: ['hate'] });
    };
    const closed = setupGateway([
      guardrails({
        input: [contentPolicy({ classifier: classifierFor('{"scores":{"hat":0}}'), categories: ['hate'] })],
      }),
    ]);
    await expect(closed.ask('hello')).rejects.toThrow(
      /could not run: The LLM judge did not reply with a valid verdict \(missing: hate\)/,
    );
    const open = setupGateway([
      guardrails({
        failOnCheckError: false,
        input: [contentPolicy({ classifier: classifierFor('I think it is fine'), categories: ['hate'] })],
      }),
    ]);
    await expect(open.ask('hello')).resolves.toBeDefined();
  });

  it("reads OpenAI's moderation endpoint (wire format) as a classifier", async () => {
    const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push({ url: String(input), init });
      return new Response(JSON.stringify(openAIModerationResponse), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const classifier = openAIModeration({ apiKey: 'sk-test-key', fetch });
    const guards = guardrails({
      input: [{ type: 'content_policy', categories: ['violence', 'harassment', 'hate'], classifier }],
    });
    const { ask } = setupGateway([guards]);
    await expect(ask('I will hurt you')).rejects.toThrow('Flagged for violence (0.93), harassment (0.61).');
    expect(requests[0]?.url).toBe('https://api.openai.com/v1/moderations');
    expect(new Headers(requests[0]?.init?.headers).get('authorization')).toBe('Bearer sk-test-key');
    expect(requests[0]?.init?.body).toBe('{"model":"omni-moderation-latest","input":"I will hurt you"}');

    const failing = openAIModeration({
      apiKey: 'sk-test-key',
      // The endpoint repeats the key it was sent, as some do.
      fetch: async () =>
        new Response('{"error":{"message":"Incorrect API key provided: sk-test-key."}}', { status: 401 }),
    });
    const down = setupGateway([guardrails({ input: [{ type: 'toxicity_check', classifier: failing }] })]);
    const error = await down.ask('hi').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: expect.stringContaining('Incorrect API key provided') });
    expect(String(error)).not.toContain('sk-test-key');
  });
});
