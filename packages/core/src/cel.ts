/**
 * `@switchyard/core/cel`: CEL expressions as routing conditions. A separate entry point so apps that
 * route with functions do not bundle the CEL parser.
 */
export type { CelOptions } from './routing/cel-condition.js';
export { cel } from './routing/cel-condition.js';
