// The query encoding of openai-node (its `qs` copy): RFC 3986, so `!'()*` are escaped too.
const encodeQueryPart = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The Chat Completions URL of an OpenAI-compatible server, built as openai-node builds it: `/chat/completions`
 * appended to `baseURL` (one slash between them), the base URL's own query kept, and `queryParams` added
 * or replacing parameters of the same name in place.
 */
export function buildOpenAIChatURL(baseURL: string, queryParams: Record<string, string> = {}): string {
  const path = '/chat/completions';
  const queryIndex = baseURL.indexOf('?');
  const base = new URL(queryIndex === -1 ? baseURL : baseURL.slice(0, queryIndex));
  base.hash = '';
  const url = new URL(`${base.href}${base.pathname.endsWith('/') ? path.slice(1) : path}`);
  const query = new URLSearchParams(queryIndex === -1 ? '' : baseURL.slice(queryIndex + 1).split('#')[0]);
  for (const [name, value] of Object.entries(queryParams)) {
    if (value !== undefined) query.set(name, value);
  }
  const search = [...query].map(([name, value]) => `${encodeQueryPart(name)}=${encodeQueryPart(value)}`);
  url.search = search.join('&');
  return url.href;
}
