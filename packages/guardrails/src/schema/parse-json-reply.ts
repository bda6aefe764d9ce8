import { type ParseJsonResult, safeParseJson } from '@switchyard/core';

const FENCED = /^\s*```(?:json)?[^\n]*\n([\s\S]*?)\n?```\s*$/;

/** Parses a model's JSON reply, tolerating one Markdown code fence around it. */
export function parseJsonReply(text: string): ParseJsonResult {
  const fenced = FENCED.exec(text);
  return safeParseJson(fenced?.[1] ?? text);
}
