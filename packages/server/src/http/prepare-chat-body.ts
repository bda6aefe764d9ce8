import { BadRequestError } from '@switchyard/core';

export interface PreparedChatBody {
  body: Record<string, unknown>;
  /** What the request addresses, for per-key route checks: the route header, `config`, or the model. */
  address: string | undefined;
}

/**
 * Reads the parts of a chat body the server acts on before the gateway sees it:
 * - `provider` + `model` (the reference article's request shape) becomes `model: 'provider/model'`;
 * - `config` must name a configured strategy: inline configs (objects with upstream URLs, keys or hosts)
 *   are refused, so no request can point the gateway at an address of its choosing;
 * - `x-switchyard-guardrails` joins the body's `guardrails` list (guardrail sets to run).
 */
export function prepareChatBody(
  body: Record<string, unknown>,
  headers: { route?: string | undefined; guardrails?: string | undefined },
): PreparedChatBody {
  const { provider, config, ...rest } = body;
  if (config !== undefined && typeof config !== 'string') {
    throw new BadRequestError(
      '`config` must be the name of a configured strategy; inline configurations are not accepted (upstreams are set in the server configuration only).',
      { status: 400, param: 'config', code: 'invalid_config' },
    );
  }
  if (provider !== undefined) {
    if (typeof provider !== 'string' || provider === '' || provider.includes('/')) {
      throw new BadRequestError('`provider` must be the name of a configured provider.', {
        status: 400,
        param: 'provider',
      });
    }
    if (typeof rest.model === 'string') rest.model = `${provider}/${rest.model}`;
  }
  // `x-switchyard-guardrails: input-validation, output-validation` adds to the body's `guardrails` list.
  if (headers.guardrails !== undefined) {
    const named = headers.guardrails
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    rest.guardrails = [...(Array.isArray(rest.guardrails) ? rest.guardrails : []), ...named];
  }
  const prepared: Record<string, unknown> = config === undefined ? rest : { ...rest, config };
  const model = typeof rest.model === 'string' ? rest.model : undefined;
  return { body: prepared, address: headers.route ?? config ?? model };
}
