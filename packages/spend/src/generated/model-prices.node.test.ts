import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { safeParseJson } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { buildPriceRows } from '../../scripts/build-price-rows.js';
import { defaultPriceDataPath } from '../../scripts/price-paths.js';
import { PRICED_PROVIDER_NAMES } from '../pricing/priced-provider.js';
import { GENERATED_PRICES, PRICE_SOURCE } from './model-prices.js';

const dataFile = process.env.SWITCHYARD_PRICE_DATA ?? defaultPriceDataPath;

describe('generated price table', () => {
  it.skipIf(!existsSync(dataFile))(
    'matches the shared data file (re-run scripts/generate-prices.ts if not)',
    () => {
      const text = readFileSync(dataFile, 'utf8');
      const parsed = safeParseJson(text);
      expect(parsed.success).toBe(true);
      if (!parsed.success) return;
      expect(createHash('sha256').update(text).digest('hex')).toBe(PRICE_SOURCE.sha256);
      expect(GENERATED_PRICES).toEqual(buildPriceRows(parsed.value));
    },
  );

  it('covers the chat models of every supported provider, well over 200', () => {
    const counts = Object.fromEntries(
      PRICED_PROVIDER_NAMES.map((name) => [name, GENERATED_PRICES[name].length]),
    );
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    expect(total).toBe(PRICE_SOURCE.models);
    expect(total).toBeGreaterThan(700);
    for (const name of PRICED_PROVIDER_NAMES) {
      // The data file has no NVIDIA NIM chat prices; every other family has rows.
      if (name !== 'nvidia') expect(counts[name], name).toBeGreaterThan(0);
    }
  });

  it('holds the spot checks of SOURCES.md (USD per token)', () => {
    const row = (family: keyof typeof GENERATED_PRICES, key: string) =>
      GENERATED_PRICES[family].find(([candidate]) => candidate === key)?.slice(1, 5);
    expect(row('openai', 'gpt-4o')).toEqual([2.5e-6, 1e-5, 1.25e-6, null]);
    expect(row('openai', 'gpt-5')).toEqual([1.25e-6, 1e-5, 1.25e-7, null]);
    expect(row('anthropic', 'claude-sonnet-4-5-20250929')).toEqual([3e-6, 1.5e-5, 3e-7, 3.75e-6]);
    expect(row('google', 'gemini/gemini-2.5-pro')).toEqual([1.25e-6, 1e-5, 3.125e-7, null]);
    expect(row('mistral', 'mistral/mistral-small-latest')).toEqual([1e-7, 3e-7, null, null]);
  });
});
