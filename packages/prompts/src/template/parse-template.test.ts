import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidPromptError } from '../errors/invalid-prompt-error.js';
import { parseTemplate } from './parse-template.js';

describe('parseTemplate', () => {
  it('splits text and variable tags, with or without spaces, double or triple braces', () => {
    expect(parseTemplate('Hi {{name}}, {{ user.email }} / {{{raw}}}!', 'p')).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'variable', path: 'name', keys: ['name'] },
      { type: 'text', text: ', ' },
      { type: 'variable', path: 'user.email', keys: ['user', 'email'] },
      { type: 'text', text: ' / ' },
      { type: 'variable', path: 'raw', keys: ['raw'] },
      { type: 'text', text: '!' },
    ]);
  });

  it.each([
    ['{{#items}}{{.}}{{/items}}', 'section'],
    ['{{> header}}', 'partial'],
    ['{{! note }}', 'comment'],
    ['{{a + b}}', 'expression'],
    ["{{constructor.constructor('return process')()}}", 'code'],
    ['{{ }}', 'empty tag'],
    ['{{=<% %>=}}', 'delimiter change'],
  ])('rejects %s (%s) instead of printing or running it', (template) => {
    expect(() => parseTemplate(template, 'messages[0].content')).toThrow(InvalidPromptError);
    expect(() => parseTemplate(template, 'messages[0].content')).toThrow(
      /messages\[0\]\.content.*logic-less/,
    );
  });

  it('rejects an unclosed tag, naming the field', () => {
    expect(() => parseTemplate('Hello {{name', 'messages[1].content')).toThrow(
      /Unclosed template tag '\{\{name' in messages\[1\]\.content/,
    );
  });

  it('leaves text without tags unchanged', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes('{{')),
        (text) => {
          const joined = parseTemplate(text, 'p')
            .map((segment) => (segment.type === 'text' ? segment.text : `{{${segment.path}}}`))
            .join('');
          expect(joined).toBe(text);
        },
      ),
    );
  });
});
