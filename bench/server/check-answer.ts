import { safeParseJson } from '@switchyard/core';
import { valueAt } from '../results-json.js';
import { expectedText } from '../scenario.js';
import type { Mode } from '../variants.js';
import type { ServerTarget } from './server-targets.js';

/** The parsed body, or undefined when it is not JSON (the answer check then fails with the body shown). */
const parseJson = (text: string): unknown => {
  const parsed = safeParseJson(text);
  return parsed.success ? parsed.value : undefined;
};

/** The answer's text: the message of a JSON completion, or every content delta of an SSE stream. */
const answerText = (body: string, mode: Mode): string => {
  if (mode === 'non-streaming') {
    const content = valueAt(parseJson(body), 'choices', 0, 'message', 'content');
    return typeof content === 'string' ? content : '';
  }
  return body
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => valueAt(parseJson(line.slice(6)), 'choices', 0, 'delta', 'content'))
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
