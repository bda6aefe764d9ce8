/**
 * `@switchyard/prompts/files`: a prompt store on the file system (Node, Bun, Deno). Kept apart from the
 * main entry so that entry stays free of `node:` imports and runs on edge runtimes.
 */
export { type FilePromptStoreOptions, filePromptStore } from './files/file-prompt-store.js';
