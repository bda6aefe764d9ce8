import type { ChatCompletionChunk, ChunkChoice, FinishReason } from '@switchyard/core';
import type { TextStage } from './text-stage.js';

/** The text one choice has streamed so far, as the caller received it. */
export interface StreamedChoice {
  text: string;
  finishReason: FinishReason | null;
}

export interface ChunkRewriter {
  /** The text pipeline for one choice's `delta.content`. */
  pipeline(choiceIndex: number): TextStage;
  /**
   * Holds the finish and usage chunks until `beforeEnd` has run, so its verdict comes before the stream
   * looks complete.
   */
  holdTail: boolean;
  /** Runs once the upstream ended and every pipeline flushed; throwing ends the stream with that error. */
  beforeEnd(
    choices: ReadonlyMap<number, StreamedChoice>,
    template: ChatCompletionChunk | undefined,
  ): Promise<void>;
}

interface ChoiceEntry extends StreamedChoice {
  stage: TextStage;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** Whether a rewritten delta still says anything (`role`, tool calls, reasoning…) once its text was held back. */
const isEmptyChoice = (choice: ChunkChoice): boolean => {
  if (choice.finish_reason !== null || (choice.logprobs !== undefined && choice.logprobs !== null))
    return false;
  return Object.entries(choice.delta).every(([key, value]) => key === 'content' && value === '');
};

/**
 * Rewrites the `delta.content` of every chunk through a per-choice text pipeline. A plain iterator (like
 * core's chunk stream): breaking out of the loop cancels the upstream and with it the provider call, and an
 * error from a pipeline (a `block` mid-stream) cancels the upstream and is raised to the caller.
 */
class RewrittenChunkStream implements AsyncIterableIterator<ChatCompletionChunk, undefined> {
  private readonly ready: Array<ChatCompletionChunk> = [];
  private readonly held: Array<ChatCompletionChunk> = [];
  private readonly choices = new Map<number, ChoiceEntry>();
  private readonly upstream: AsyncIterator<ChatCompletionChunk>;
  private template: ChatCompletionChunk | undefined;
  private holding = false;
  private finished = false;

  constructor(
    upstream: AsyncIterable<ChatCompletionChunk>,
    private readonly rewriter: ChunkRewriter,
  ) {
    this.upstream = upstream[Symbol.asyncIterator]();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<ChatCompletionChunk, undefined>> {
    for (;;) {
      const chunk = this.ready.shift();
      if (chunk !== undefined) return { done: false, value: chunk };
      if (this.finished) return DONE;
      let result: IteratorResult<ChatCompletionChunk>;
      try {
        result = await this.upstream.next();
      } catch (error) {
        this.finished = true;
        throw error;
      }
      try {
        if (result.done === true) {
          this.finished = true;
          await this.end();
        } else {
          this.accept(result.value);
        }
      } catch (error) {
        this.finished = true;
        this.ready.length = 0;
        await this.upstream.return?.().catch(() => {});
        throw error;
      }
    }
  }

  async return(): Promise<IteratorResult<ChatCompletionChunk, undefined>> {
    if (!this.finished) {
      this.finished = true;
      this.ready.length = 0;
      await this.upstream.return?.();
    }
    return DONE;
  }

  private entry(index: number): ChoiceEntry {
    let entry = this.choices.get(index);
    if (entry === undefined) {
      entry = { stage: this.rewriter.pipeline(index), text: '', finishReason: null };
      this.choices.set(index, entry);
    }
    return entry;
  }

  private emit(chunk: ChatCompletionChunk): void {
    (this.holding ? this.held : this.ready).push(chunk);
  }

  private accept(chunk: ChatCompletionChunk): void {
    this.template ??= chunk;
    if (chunk.choices.length === 0) {
      this.emit(chunk);
      return;
    }
    const choices: Array<ChunkChoice> = [];
    for (const choice of chunk.choices) {
      const entry = this.entry(choice.index);
      const content = choice.delta.content;
      let released = typeof content === 'string' && content !== '' ? entry.stage.push(content) : content;
      if (choice.finish_reason !== null) {
        const rest = entry.stage.flush();
        if (rest !== '') released = (released ?? '') + rest;
        entry.finishReason = choice.finish_reason;
        if (this.rewriter.holdTail) this.holding = true;
      }
      if (typeof released === 'string') entry.text += released;
      const rewritten: ChunkChoice =
        released === content || typeof released !== 'string'
          ? choice
          : { ...choice, delta: { ...choice.delta, content: released } };
      if (typeof content !== 'string' || content === '' || !isEmptyChoice(rewritten)) choices.push(rewritten);
    }
    if (choices.length > 0 || chunk.usage !== undefined) this.emit({ ...chunk, choices });
  }

  private async end(): Promise<void> {
    const tail: Array<ChatCompletionChunk> = [];
    for (const [index, entry] of this.choices) {
      if (entry.finishReason !== null) continue;
      const rest = entry.stage.flush();
      if (rest === '' || this.template === undefined) continue;
      entry.text += rest;
      const { usage: _usage, switchyard: _switchyard, ...template } = this.template;
      tail.push({ ...template, choices: [{ index, delta: { content: rest }, finish_reason: null }] });
    }
    await this.rewriter.beforeEnd(this.choices, this.template);
    this.ready.push(...tail, ...this.held);
  }
}

/** The chunks of `upstream` with their content rewritten by `rewriter`. */
export function rewriteChunkStream(
  upstream: AsyncIterable<ChatCompletionChunk>,
  rewriter: ChunkRewriter,
): AsyncIterableIterator<ChatCompletionChunk, undefined> {
  return new RewrittenChunkStream(upstream, rewriter);
}
