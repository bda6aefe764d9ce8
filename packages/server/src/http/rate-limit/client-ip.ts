/**
 * The client's address: the socket's peer, or with `trustProxyHops` > 0 the `X-Forwarded-For` entry that
 * the outermost trusted proxy saw (entries left of it can be forged by the client).
 */
export function clientIp(
  socketAddress: string | undefined,
  forwardedFor: string | null,
  trustProxyHops: number,
): string {
  if (trustProxyHops > 0 && forwardedFor !== null) {
    const hops = forwardedFor
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const index = Math.max(hops.length - trustProxyHops, 0);
    const address = hops[index];
    if (address !== undefined) return address;
  }
  return socketAddress ?? 'unknown';
}
