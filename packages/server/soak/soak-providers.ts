/** A provider name of the soak: which chaos server answers for it, with which model and fault rate. */
export interface SoakProvider {
  readonly server: 'a' | 'b';
  readonly model: string;
  readonly faultRate: number;
}

/**
 * Three provider names on two chaos servers, from flaky to fairly reliable, so fallback moves across
 * servers and models (and prices) while load balancing spreads calls over the first two.
 */
export const SOAK_PROVIDERS = {
  alpha: { server: 'a', model: 'soak-large', faultRate: 0.4 },
  beta: { server: 'b', model: 'soak-small', faultRate: 0.2 },
  gamma: { server: 'b', model: 'soak-mini', faultRate: 0.1 },
} as const satisfies Record<string, SoakProvider>;

export type SoakProviderName = keyof typeof SOAK_PROVIDERS;
