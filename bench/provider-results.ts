import { hotProviderLine, providerSetupLine, providerTable } from './provider-report.js';
import type { BenchResults } from './report.js';
import { renderMarkdown } from './table.js';

/** The provider section of `bench/RESULTS.md`. */
export const providerMarkdown = (results: BenchResults): string => `## Provider adapters

What each adapter adds to the vendor SDK it is built on (issue 13): the same call made by the SDK alone
and by the adapter's \`doGenerate\` / \`doStream\`, both through one in-process \`fetch\` that answers with
the provider's own wire response, the adapter's \`text\` / \`stream-text\` conformance fixture
(\`packages/providers/src/<provider>/__fixtures__/\`), byte for byte, one SSE event (Bedrock: one
event-stream frame) per read. ${providerSetupLine(results)}.

${renderMarkdown(providerTable(results))}

${hotProviderLine(results)}.

- **SDK alone** is the vendor's client built with that \`fetch\` and its retries off, sending what the adapter
  sends and reading the text and the finish reason (streaming: every event). **Adapter** is the adapter
  with the same \`fetch\`, called as the gateway calls it (\`headers: {}\`), every part read. Before timing,
  one call of each path is checked to send the same method, URL and JSON body and to read the same
  answer; every timed call must reproduce it.
- The overhead is everything the adapter does around the SDK call: converting the OpenAI-shaped request,
  its \`fetch\` wrapper (error-body capture), mapping the result, and for streams the \`ReadableStream\` of
  neutral parts (plus, for Google, Mistral, Cohere and Bedrock, an \`AbortSignal.any\` per stream).
- Bedrock: the AWS SDK takes no \`fetch\`; its transport is a Smithy request handler. The SDK-alone row
  uses the SDK's own fetch transport, \`FetchHttpHandler\` with \`customFetch\` (which builds a \`Request\`
  per call); the adapter brings its own handler, so that handler is part of its overhead.
- Mistral: the SDK hands its \`HTTPClient\` fetcher one \`Request\`; the adapter's fetcher reads its body back
  as text to call \`fetch(url, init)\` like the other SDKs, which counts as adapter overhead.
- Groq is the \`openaiCompatible\` preset; its SDK-alone row is an \`openai\` client on Groq's base URL.
  Azure's is \`AzureOpenAI\` with the same endpoint and \`api-version\`.
- Each row is the difference of two medians taken in the same rounds: differences of a few µs are within
  run-to-run noise. The mean column includes GC pauses and scheduler noise.
`;
