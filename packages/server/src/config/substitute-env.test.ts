// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these tests are about `${VAR}` references written in YAML.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { substituteEnv } from './substitute-env.js';

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/);

describe('substituteEnv (properties)', () => {
  it('leaves text without ${ unchanged', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes('${')),
        (text) => {
          expect(substituteEnv({ value: text }, {})).toEqual({ value: { value: text }, issues: [] });
        },
      ),
    );
  });

  it('replaces ${NAME} with any value, verbatim (values are never re-scanned)', () => {
    fc.assert(
      fc.property(
        name,
        fc.string(),
        fc.string().filter((text) => !text.includes('$')),
        (variable, value, prefix) => {
          const result = substituteEnv([`${prefix}\${${variable}}`], { [variable]: value });
          expect(result).toEqual({ value: [`${prefix}${value}`], issues: [] });
        },
      ),
    );
  });

  it('uses the default when a variable is unset or empty, and reports unset ones without a default', () => {
    fc.assert(
      fc.property(
        name,
        fc.string().filter((text) => !text.includes('}')),
        (variable, fallback) => {
          expect(substituteEnv(`\${${variable}:-${fallback}}`, {}).value).toBe(fallback);
          expect(substituteEnv(`\${${variable}:-${fallback}}`, { [variable]: '' }).value).toBe(fallback);
          const missing = substituteEnv({ a: [`\${${variable}}`] }, {});
          expect(missing.issues).toEqual([
            { path: ['a', 0], message: expect.stringContaining(`${variable} is not set`) },
          ]);
        },
      ),
    );
  });

  it('keeps keys as written and substitutes only string values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value) ?? '';
        if (text.includes('${')) return;
        expect(substituteEnv(value, {}).value).toEqual(value);
      }),
    );
  });
});
