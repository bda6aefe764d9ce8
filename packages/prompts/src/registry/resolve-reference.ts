import { PromptNotFoundError } from '../errors/prompt-not-found-error.js';
import type { PromptVersion } from '../prompt-version.js';
import type { PromptReader } from './prompt-reader.js';

/** A version found by version, label or default, with the label it was found by. */
export interface ResolvedVersion {
  record: PromptVersion;
  label?: string;
}

export interface VersionReference {
  version?: string | undefined;
  label?: string | undefined;
}

const describeLabels = (labels: Record<string, string>): string => {
  const entries = Object.entries(labels).map(([label, version]) => `${label} → ${version}`);
  return entries.length === 0 ? 'none' : entries.join(', ');
};

/** A deployed version that must exist; the error lists what does. */
export async function requireVersion(
  reader: PromptReader,
  name: string,
  version: string,
): Promise<PromptVersion> {
  const record = await reader.version(name, version);
  if (record !== undefined) return record;
  const versions = await reader.versions(name);
  if (versions.length === 0) throw new PromptNotFoundError(`No prompt named '${name}' is deployed.`);
  throw new PromptNotFoundError(
    `Prompt '${name}' has no version ${version} (deployed: ${versions.map((entry) => entry.version).join(', ')}).`,
  );
}

/**
 * The version a request means: the given version; else the given label; else `defaultLabel` when that
 * label exists; else the latest release (or pre-release, when there is no release).
 */
export async function resolveReference(
  reader: PromptReader,
  name: string,
  reference: VersionReference,
  defaultLabel: string,
): Promise<ResolvedVersion> {
  if (reference.version !== undefined)
    return { record: await requireVersion(reader, name, reference.version) };
  const labels = await reader.labels(name);
  if (reference.label !== undefined) {
    const version = labels[reference.label];
    if (version === undefined || !Object.hasOwn(labels, reference.label)) {
      const known = await reader.latest(name);
      throw new PromptNotFoundError(
        known === undefined
          ? `No prompt named '${name}' is deployed.`
          : `Prompt '${name}' has no label '${reference.label}' (labels: ${describeLabels(labels)}).`,
      );
    }
    return { record: await requireVersion(reader, name, version), label: reference.label };
  }
  const labelled = Object.hasOwn(labels, defaultLabel) ? labels[defaultLabel] : undefined;
  if (labelled !== undefined) {
    return { record: await requireVersion(reader, name, labelled), label: defaultLabel };
  }
  const latest = await reader.latest(name);
  if (latest === undefined) throw new PromptNotFoundError(`No prompt named '${name}' is deployed.`);
  return { record: await requireVersion(reader, name, latest) };
}
