/**
 * Smooth weighted round-robin (as in nginx): every pick adds each eligible item's weight to its
 * running score, takes the highest, and subtracts the eligible total from it. Weights 1:1:1 give exact
 * round-robin; 5:1:1 gives a,a,b,a,c,a,a — spread out, never bursts.
 */
export class SmoothWeightedRoundRobin {
  private readonly current: Array<number>;

  constructor(private readonly weights: ReadonlyArray<number>) {
    this.current = weights.map(() => 0);
  }

  /** The index of the next item among those `eligible` says may be picked, or -1 when none may. */
  pick(eligible: (index: number) => boolean = () => true): number {
    let total = 0;
    let best = -1;
    for (let index = 0; index < this.weights.length; index++) {
      const weight = this.weights[index] ?? 0;
      if (weight <= 0 || !eligible(index)) continue;
      const score = (this.current[index] ?? 0) + weight;
      this.current[index] = score;
      total += weight;
      if (best === -1 || score > (this.current[best] ?? 0)) best = index;
    }
    if (best !== -1) this.current[best] = (this.current[best] ?? 0) - total;
    return best;
  }
}
