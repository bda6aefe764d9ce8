/**
 * The resources keeping the event loop alive, counted by type (`TCPSocketWrap`, `Timeout`,
 * `TCPServerWrap`…). Compared before the soak and after its teardown, a higher count is a leak.
 */
export function countActiveResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}
