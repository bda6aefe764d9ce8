import type { GatewayKey } from './auth/key-store.js';

/** Per-request values the server's middleware sets for its routes. */
export interface AppVariables {
  requestId: string;
  clientIp: string;
  /** The endpoint template for logs and metrics (`/v1/chat/completions`), never the raw path. */
  endpoint: string;
  /** The authenticated gateway key; undefined when no keys are configured (open mode). */
  apiKey: GatewayKey | undefined;
}

export interface AppEnv {
  Variables: AppVariables;
}
