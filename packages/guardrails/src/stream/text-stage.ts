/** Text flowing through a stream: `push` returns what may be released now, `flush` the rest at the end. */
export interface TextStage {
  push(text: string): string;
  flush(): string;
}

/** Stages one after another: what one releases is pushed into the next. */
export function chainStages(stages: ReadonlyArray<TextStage>): TextStage {
  const [only] = stages;
  if (stages.length === 1 && only !== undefined) return only;
  return {
    push(text) {
      let released = text;
      for (const stage of stages) released = stage.push(released);
      return released;
    },
    flush() {
      let released = '';
      for (const stage of stages) released = stage.push(released) + stage.flush();
      return released;
    },
  };
}
