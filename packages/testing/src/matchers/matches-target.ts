/** Whether a `provider` or `provider/model` spec names this target. */
export const matchesTarget = (spec: string, provider: string, model: string): boolean =>
  spec === provider || spec === `${provider}/${model}`;
