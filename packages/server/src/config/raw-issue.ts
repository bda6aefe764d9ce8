/** A problem at a path of the parsed document, before it is placed in a file. */
export interface RawIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  /** Where to point in the file when that differs from `path` (e.g. the unknown key itself). */
  at?: ReadonlyArray<PropertyKey>;
}
