/**
 * Regenerates `src/generated/model-prices.ts` from the shared price data file:
 *
 *   node --import tsx packages/spend/scripts/generate-prices.ts [path/to/model_prices_and_context_window.json]
 *
 * Default input: `../shared/data/model_prices_and_context_window.json` next to the repository (or
 * `SWITCHYARD_PRICE_DATA`). Re-runnable; the output is formatted with Biome when it is installed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { safeParseJson } from '@switchyard/core';
import { buildPriceRows } from './build-price-rows.js';
import { biomeBinPath, defaultPriceDataPath, priceModulePath } from './price-paths.js';
import { renderPriceModule } from './render-price-module.js';

const UPSTREAM_REVISION = 'BerriAI/litellm@caddc6dd0fc26931b3fcc4e91e81a3d90080f3ef';

const input = process.argv[2] ?? process.env.SWITCHYARD_PRICE_DATA ?? defaultPriceDataPath;
const text = readFileSync(input, 'utf8');
const parsed = safeParseJson(text);
if (!parsed.success) throw new Error(`${input} is not valid JSON: ${parsed.error.message}`);
const rows = buildPriceRows(parsed.value);
const sha256 = createHash('sha256').update(text).digest('hex');
const output = fileURLToPath(priceModulePath);
writeFileSync(output, renderPriceModule(rows, { sha256, revision: UPSTREAM_REVISION }));
try {
  execFileSync(fileURLToPath(biomeBinPath), ['format', '--write', output], { stdio: 'ignore' });
} catch {
  // Biome is a dev tool; unformatted output is still valid TypeScript.
}
const count = Object.values(rows).reduce((sum, list) => sum + list.length, 0);
process.stdout.write(`wrote ${count} models to ${output}\n`);
