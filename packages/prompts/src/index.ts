/**
 * @switchyard/prompts is in development: the package is published empty so the workspace, build and
 * package checks cover it from the start.
 */
export {};
