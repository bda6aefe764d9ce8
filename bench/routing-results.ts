import type { BenchResults } from './report.js';
import { decisionSetupLine, decisionTable, routeSetupLine, routeTable } from './routing-report.js';
import { renderMarkdown } from './table.js';

/** The routing section of `bench/RESULTS.md`. */
export const routingMarkdown = (results: BenchResults): string => `## Routing

### Decision overhead

${decisionSetupLine(results)}.

${renderMarkdown(decisionTable(results))}

- The harness floor is a strategy whose \`route\` is just \`context.attempt(target)\`: the awaited, already
  resolved promise every row pays. \`over floor\` is the strategy's own share.
- The CEL rows run the reference article's rules, compiled with \`cel()\` from \`@switchyard/core/cel\`:
  \`request.messages[0].content.length > 4000\`, \`request.user == 'code-assistant'\`, \`default\`. The
  function row is the same three rules as plain functions.
- \`→ rule 1\` grows with the prompt: \`.length\` is rewritten to CEL \`size()\`, which counts code points
  by walking the string.
- \`→ default (no user)\` evaluates \`request.user\` on a request without \`user\`: cel-js throws a
  "no such key" error there, which \`conditional\` counts as not matching. Building that error is most of
  the row; \`has(request.user) && …\` avoids it.
- \`pnpm bench\` runs the core from its TypeScript source through tsx, whose esbuild transform keeps
  function names: every named closure created per call also pays an \`Object.defineProperty\` (\`__name\`)
  that the published tsup build does not. \`loadBalance\` creates one per decision, so its rows overstate
  the published package.

### Gateway calls through routes

\`gateway.chat.completions.create\`, non-streaming, with \`mockProvider\` (no SDK, no HTTP): the decision
plus everything the gateway keeps per attempt. ${routeSetupLine(results)}.

${renderMarkdown(routeTable(results))}

- (b) The first target answers 503 with \`retry: { attempts: 0 }\`; the gateway records the failed
  attempt, builds the typed error, and \`fallback\` moves on to the second target.
- (d) The in-memory circuit breaker around each attempt: \`acquire\` before the call, \`record\` after it.
- (e) The same failing target behind the breaker: after five failures its circuit is open, so it is skipped
  without a call (\`CircuitOpenError\`, status 0 in the attempts) until the 30 s cooldown ends.
`;
