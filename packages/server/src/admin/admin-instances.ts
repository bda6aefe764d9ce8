import type { InvalidateFilter, ResponseCache } from '@switchyard/cache';
import type { Guardrails } from '@switchyard/guardrails';
import type { PromptRegistry } from '@switchyard/prompts';
import type { SpendTracker } from '@switchyard/spend';

/** One request as `/v1/admin/logs` returns it (serialised as JSON with all its fields). */
export interface RequestLogEntry {
  readonly status: string;
}

/** What `/v1/admin/logs` reads: the telemetry log store, or the spend ledger until telemetry is applied. */
export interface RequestLogSource {
  query(query: { limit: number; status?: string }): Promise<ReadonlyArray<RequestLogEntry>>;
}

/** The prompt registry's admin surface, for `/v1/admin/prompts`. */
export type PromptAdmin = Pick<PromptRegistry, 'deploy' | 'list' | 'history' | 'setLabel' | 'render'>;

/**
 * The plugin instances the server mounts admin routes for. A route whose instance is absent answers 404
 * saying what to configure. With `createServer({ gateway })`, pass the instances you created.
 */
export interface AdminInstances {
  cache?: Pick<ResponseCache, 'stats'> & { invalidate(filter?: InvalidateFilter): Promise<number> };
  spend?: Pick<SpendTracker, 'report' | 'budgets'>;
  logs?: RequestLogSource;
  prompts?: PromptAdmin;
  guardrails?: Pick<Guardrails, 'stats'>;
}
