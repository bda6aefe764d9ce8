import type OpenAI from 'openai';

/** The one conversation every variant sends (typed as openai-node's, which the gateway accepts unchanged). */
export const messages: Array<OpenAI.ChatCompletionMessageParam> = [
  { role: 'system', content: 'You are a helpful assistant.' },
  { role: 'user', content: 'Hello!' },
];

/** The text in `fixtures/`, also the mock provider's reply. */
export const expectedText = 'Hello! How can I assist you today?';

/** `usage.total_tokens` in `fixtures/`. */
export const expectedTotalTokens = 28;

/** What one call produced: enough to prove the whole response was read, cheap to compute. */
export interface CallOutcome {
  readonly text: string;
  readonly totalTokens: number | undefined;
  /** The provider's own finish reason (e.g. `end_turn`), where a path reports one: it comes last. */
  readonly finish?: string | undefined;
  /** When the first non-empty text arrived (`process.hrtime.bigint()`), on streaming paths. */
  readonly firstTextAt?: bigint | undefined;
}

/** What every OpenAI-fixture path must answer. */
const fixtureOutcome: CallOutcome = { text: expectedText, totalTokens: expectedTotalTokens };

interface ChunkLike {
  readonly choices: ReadonlyArray<{ readonly delta: { readonly content?: string | null | undefined } }>;
  readonly usage?: { readonly total_tokens: number } | null | undefined;
}

interface CompletionLike {
  readonly choices: ReadonlyArray<{ readonly message: { readonly content: string | null } }>;
  readonly usage?: { readonly total_tokens: number } | undefined;
}

/** Reads every chunk of a stream, as a caller rendering it would. */
export async function consumeStream(stream: AsyncIterable<ChunkLike>): Promise<CallOutcome> {
  let text = '';
  let totalTokens: number | undefined;
  let firstTextAt: bigint | undefined;
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta.content;
    if (delta) {
      firstTextAt ??= process.hrtime.bigint();
      text += delta;
    }
    if (chunk.usage !== null && chunk.usage !== undefined) totalTokens = chunk.usage.total_tokens;
  }
  return { text, totalTokens, firstTextAt };
}

export const readCompletion = (completion: CompletionLike): CallOutcome => ({
  text: completion.choices[0]?.message.content ?? '',
  totalTokens: completion.usage?.total_tokens,
});

/** Throws unless the call returned the whole expected answer, so a broken path cannot look fast. */
export function assertOutcome(label: string, outcome: CallOutcome, expected = fixtureOutcome): void {
  if (
    outcome.text !== expected.text ||
    outcome.totalTokens !== expected.totalTokens ||
    outcome.finish !== expected.finish
  ) {
    const { text, totalTokens, finish } = outcome;
    throw new Error(
      `${label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify({ text, totalTokens, finish })}.`,
    );
  }
}
