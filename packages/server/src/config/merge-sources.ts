import { isRecord } from '../internal/is-record.js';
import type { RawIssue } from './raw-issue.js';
import type { YamlSource } from './yaml-source.js';

/** Sections whose entries may be spread over several files (one `providers.yaml`, one `strategies.yaml`…). */
const NAMED_SECTIONS = new Set(['providers', 'strategies', 'alerts', 'guardrails']);
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface MergedSources {
  value: Record<string, unknown>;
  /** The file a path was written in. */
  sourceOf(path: ReadonlyArray<PropertyKey>): YamlSource | undefined;
}

const findReservedKeys = (value: unknown, path: Array<PropertyKey>, issues: Array<RawIssue>): void => {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      findReservedKeys(item, [...path, index], issues);
    });
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (RESERVED_KEYS.has(key))
        issues.push({ path: [...path, key], message: `'${key}' cannot be used as a name` });
      else findReservedKeys(item, [...path, key], issues);
    }
  }
};

/**
 * Combines files into one document: named sections merge by entry (a name defined twice is an issue),
 * other sections may appear in one file only.
 */
export function mergeSources(
  sources: ReadonlyArray<YamlSource>,
  issues: Array<RawIssue & { source?: YamlSource }>,
): MergedSources {
  const merged = new Map<string, unknown>();
  const sectionOrigin = new Map<string, YamlSource>();
  const entryOrigin = new Map<string, YamlSource>();
  const where = (source: YamlSource | undefined) => source?.file ?? 'another document';
  for (const source of sources) {
    const { value } = source;
    if (value === undefined || value === null) continue;
    if (!isRecord(value)) {
      issues.push({
        path: [],
        message: 'expected a mapping of sections (providers:, strategies:, …)',
        source,
      });
      continue;
    }
    const sourceIssues: Array<RawIssue> = [];
    findReservedKeys(value, [], sourceIssues);
    for (const issue of sourceIssues) issues.push({ ...issue, source });
    if (sourceIssues.length > 0) continue;
    for (const [section, content] of Object.entries(value)) {
      const previous = merged.get(section);
      const earlier = sectionOrigin.get(section);
      if (earlier === undefined) {
        merged.set(section, content);
        sectionOrigin.set(section, source);
        if (NAMED_SECTIONS.has(section) && isRecord(content)) {
          for (const entry of Object.keys(content)) entryOrigin.set(`${section}\0${entry}`, source);
        }
        continue;
      }
      if (!NAMED_SECTIONS.has(section) || !isRecord(previous) || !isRecord(content)) {
        issues.push({
          path: [section],
          message: `section '${section}' is also defined in ${where(earlier)}`,
          source,
        });
        continue;
      }
      const combined: Record<string, unknown> = { ...previous };
      for (const [entry, definition] of Object.entries(content)) {
        const entryEarlier = entryOrigin.get(`${section}\0${entry}`);
        if (entryEarlier !== undefined) {
          issues.push({
            path: [section, entry],
            message: `'${entry}' is also defined in ${where(entryEarlier)}`,
            source,
          });
          continue;
        }
        Object.defineProperty(combined, entry, {
          value: definition,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        entryOrigin.set(`${section}\0${entry}`, source);
      }
      merged.set(section, combined);
    }
  }
  return {
    value: Object.fromEntries(merged),
    sourceOf(path) {
      const [section, entry] = path;
      if (section === undefined) return sources[0];
      const key = String(section);
      return (
        (entry === undefined ? undefined : entryOrigin.get(`${key}\0${String(entry)}`)) ??
        sectionOrigin.get(key)
      );
    },
  };
}
