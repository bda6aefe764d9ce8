/**
 * Credentials recognisable by their shape: provider API keys with a fixed prefix, AWS access key ids and
 * JWTs. Keys without a recognisable shape (Mistral, Cohere, Together…) are caught by value instead: the
 * `secrets` option and, by default, the environment variables that hold them.
 */
export const API_KEY_PATTERN = new RegExp(
  [
    // OpenAI (sk-, sk-proj-), Anthropic (sk-ant-), DeepSeek, OpenRouter (sk-or-)
    String.raw`\bsk-[A-Za-z0-9_-]{16,}`,
    String.raw`\bAIza[0-9A-Za-z_-]{30,}`,
    String.raw`\bgsk_[A-Za-z0-9]{20,}`,
    String.raw`\bxai-[A-Za-z0-9]{20,}`,
    String.raw`\bpplx-[A-Za-z0-9]{20,}`,
    String.raw`\bnvapi-[A-Za-z0-9_-]{20,}`,
    String.raw`\bcsk-[A-Za-z0-9]{20,}`,
    String.raw`\bfw_[A-Za-z0-9]{20,}`,
    String.raw`\bhf_[A-Za-z0-9]{20,}`,
    String.raw`\b(?:AKIA|ASIA)[0-9A-Z]{16}`,
    String.raw`\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`,
  ].join('|'),
  'g',
);

/** `Authorization: Bearer <token>` and the like, wherever they were quoted (error messages, headers). */
export const AUTH_SCHEME_PATTERN = /\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi;

/** `api_key=…`, `"x-api-key": "…"`, `password: …` in free text. */
export const KEY_VALUE_PATTERN =
  /\b(api[_-]?key|x-api-key|access[_-]?token|auth[_-]?token|client[_-]?secret|secret|password|authorization)(["']?\s*[:=]\s*["']?)(?!(?:Bearer|Basic|Token)\s)([^\s"'&,;}]{6,})/gi;

/** Passwords in URLs: `postgres://user:secret@db:5432/app`. */
export const URL_CREDENTIALS_PATTERN = /(\/\/[^/\s:@]+:)[^@\s/]+@/g;

/**
 * A cheap first look: text without a 16-character token run or a credential word cannot match any pattern
 * above, so most strings (model names, ids, messages) skip the full scan.
 */
export const MAYBE_CREDENTIAL =
  /[A-Za-z0-9_-]{16}|eyJ|bearer|basic|token|key|secret|passw|authori|:\/\/[^/\s]*@/i;

/** Environment variables whose values are credentials. */
export const SECRET_ENV_NAME = /(^|_)(API_?KEYS?|TOKEN|SECRET|SECRET_KEY|ACCESS_KEY|PASSWORD)$/i;

/** Field names whose values are always replaced, compared lower-case without `-`, `_` or spaces. */
export const DEFAULT_REDACTED_FIELDS: ReadonlyArray<string> = [
  'authorization',
  'proxyauthorization',
  'apikey',
  'xapikey',
  'apitoken',
  'authtoken',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'sessiontoken',
  'clientsecret',
  'secret',
  'secretkey',
  'accesskey',
  'privatekey',
  'password',
  'passwd',
  'cookie',
  'setcookie',
];
