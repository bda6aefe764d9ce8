import type { StreamPart } from '../provider/provider-adapter.js';
import type { ChatCompletionChunk, ChunkChoice, CompletionUsage } from '../types/chat-completion.js';

export interface ChunkBuilderInit {
  /** Used until the provider reports its own id. */
  id: string;
  model: string;
  created: number;
}

/**
 * Turns neutral stream parts into OpenAI `ChatCompletionChunk`s: the one place chunks are shaped.
 * Usage is held back and handed out by `usageChunk()` after the provider's stream ends, so it
 * appears exactly once, last.
 */
export class ChunkBuilder {
  private id: string;
  private model: string;
  private created: number;
  private systemFingerprint: string | undefined;
  private readonly roleSent = new Set<number>();
  usage: CompletionUsage | undefined;
  rawFinishReason: string | undefined;

  constructor(init: ChunkBuilderInit) {
    this.id = init.id;
    this.model = init.model;
    this.created = init.created;
  }

  /** Returns the chunk for a part, or undefined for parts that produce none (metadata, usage, raw). */
  next(part: StreamPart): ChatCompletionChunk | undefined {
    switch (part.type) {
      case 'response-metadata':
        if (part.id !== undefined) this.id = part.id;
        if (part.model !== undefined) this.model = part.model;
        if (part.created !== undefined) this.created = part.created;
        if (part.systemFingerprint !== undefined) this.systemFingerprint = part.systemFingerprint;
        return undefined;
      case 'text-delta':
        return this.delta(part.choice, { content: part.delta });
      case 'reasoning-delta':
        return this.delta(part.choice, { reasoning_content: part.delta });
      case 'reasoning-details':
        return this.delta(part.choice, { reasoning_details: part.details });
      case 'refusal-delta':
        return this.delta(part.choice, { refusal: part.delta });
      case 'tool-call-start':
        return this.delta(part.choice, {
          tool_calls: [
            {
              index: part.index,
              id: part.id,
              type: 'function',
              function: { name: part.name, arguments: '' },
            },
          ],
        });
      case 'tool-call-delta':
        return this.delta(part.choice, {
          tool_calls: [{ index: part.index, function: { arguments: part.argumentsDelta } }],
        });
      case 'logprobs':
        return this.chunk([
          { index: part.choice ?? 0, delta: {}, finish_reason: null, logprobs: part.logprobs },
        ]);
      case 'finish':
        this.rawFinishReason = part.reason.raw;
        return this.chunk([{ index: part.choice ?? 0, delta: {}, finish_reason: part.reason.unified }]);
      case 'usage':
        this.usage = part.usage;
        return undefined;
      case 'tool-call-end':
      case 'raw':
      case 'error':
        return undefined;
      default: {
        const unexpected: never = part;
        throw new Error(`Unknown stream part: ${JSON.stringify(unexpected)}`);
      }
    }
  }

  /** The final usage chunk (`choices: []`), as OpenAI sends it with `stream_options.include_usage`. */
  usageChunk(usage: CompletionUsage): ChatCompletionChunk {
    return { ...this.chunk([]), usage };
  }

  private delta(choice: number | undefined, delta: ChunkChoice['delta']): ChatCompletionChunk {
    const index = choice ?? 0;
    if (!this.roleSent.has(index)) {
      this.roleSent.add(index);
      return this.chunk([{ index, delta: { role: 'assistant', ...delta }, finish_reason: null }]);
    }
    return this.chunk([{ index, delta, finish_reason: null }]);
  }

  private chunk(choices: Array<ChunkChoice>): ChatCompletionChunk {
    const chunk: ChatCompletionChunk = {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices,
    };
    if (this.systemFingerprint !== undefined) chunk.system_fingerprint = this.systemFingerprint;
    return chunk;
  }
}
