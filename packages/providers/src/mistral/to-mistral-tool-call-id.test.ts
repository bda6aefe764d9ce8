import { describe, expect, it } from 'vitest';
import { createMistralToolCallIds } from './to-mistral-tool-call-id.js';

describe('createMistralToolCallIds', () => {
  it('keeps ids Mistral accepts and hashes others to nine letters and digits', () => {
    const toMistral = createMistralToolCallIds();
    expect(toMistral('gSIMJiOkT')).toBe('gSIMJiOkT');
    const mapped = toMistral('call_weather_1');
    expect(mapped).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(toMistral('call_weather_1')).toBe(mapped);
  });

  it('is stable across mappers (and so across requests of one conversation)', () => {
    expect(createMistralToolCallIds()('toolu_01A09q90qw90lq917835lq9')).toBe(
      createMistralToolCallIds()('toolu_01A09q90qw90lq917835lq9'),
    );
  });

  it('never gives two ids the same result within a request', () => {
    const toMistral = createMistralToolCallIds();
    const ids = Array.from({ length: 2000 }, (_, i) => `call_${i}`);
    expect(new Set(ids.map(toMistral)).size).toBe(ids.length);
    // A valid id equal to an earlier hash result is moved aside rather than shared.
    const first = createMistralToolCallIds();
    const hashed = first('call_x');
    expect(first(hashed)).not.toBe(hashed);
  });
});
