import type { Logger } from './logger.js';

/** One admin action: who (by key id and address), what, and how it ended. */
export interface AuditEntry {
  time: string;
  action: string;
  method: string;
  path: string;
  status: number;
  ip: string;
  /** Which admin credential was used (never the key itself). */
  actor: string;
  /** The action's parameters (filters, dates, prompt names); never request bodies with user content. */
  details?: Readonly<Record<string, unknown>>;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'time'>): void;
  /** Most recent first. */
  list(limit?: number): Array<AuditEntry>;
}

/**
 * Admin actions, written to the structured log (`msg: "audit"`) and kept in a bounded in-memory list for
 * `GET /v1/admin/audit`. Ship the log lines to durable storage for retention.
 */
export function createAuditLog(logger: Logger, capacity = 1000): AuditLog {
  const entries: Array<AuditEntry> = [];
  return {
    record(entry) {
      const full: AuditEntry = { time: new Date().toISOString(), ...entry };
      entries.push(full);
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
      logger.info('audit', { audit: true, ...full });
    },
    list(limit = 100) {
      return entries.slice(-limit).reverse();
    },
  };
}
