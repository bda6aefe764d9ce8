export type { AzureAdapter, AzureProviderOptions } from './azure-options.js';
export { azure } from './azure-provider.js';
