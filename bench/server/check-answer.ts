import { expectedText } from '../scenario.js';
import type { Mode } from '../variants.js';
import type { ServerTarget } from './server-targets.js';

const contentOf = (value: unknown, ...path: ReadonlyArray<string | number>): unknown => {
  let current = value;
  for (const key of path) {
    current = typeof current === 'object' && current !== null ? Reflect.get(current, key) : undefined;
  }
  return current;
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The answer's text: the message of a JSON completion, or every content delta of an SSE stream. */
const answerText = (body: string, mode: Mode): string => {
  if (mode === 'non-streaming') {
    const content = contentOf(parseJson(body), 'choices', 0, 'message', 'content');
    return typeof content === 'string' ? content : '';
  }
  return body
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => contentOf(parseJson(line.slice(6)), 'choices', 0, 'delta', 'content'))
    .filter((content): content is string => typeof content === 'string')
    .join('');
};

/** One request through `target` must answer the fixture's text, so a broken path cannot look fast. */
export async function checkAnswer(target: ServerTarget, mode: Mode): Promise<void> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body(mode),
  });
  const body = await response.text();
  const text = answerText(body, mode);
  if (response.status !== 200 || text !== expectedText) {
    throw new Error(
      `${target.id} ${mode}: status ${response.status}, answer ${JSON.stringify(body.slice(0, 300))}`,
    );
  }
}
