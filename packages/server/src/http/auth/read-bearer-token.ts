/** The token of `Authorization: Bearer <token>`, or undefined. */
export function readBearerToken(headers: Headers): string | undefined {
  const value = headers.get('authorization');
  if (value === null) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}
