// Gemini needs a MIME type with every file URL; OpenAI image URLs carry none, so it is read off the path.
const typesByExtension: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
};

/** The media type a file URL's extension implies, else `fallback`. */
export function guessMediaType(url: string, fallback: string): string {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return fallback;
  }
  const extension = /\.([a-z0-9]+)$/i.exec(pathname)?.[1]?.toLowerCase();
  return (
    (extension !== undefined && Object.hasOwn(typesByExtension, extension)
      ? typesByExtension[extension]
      : undefined) ?? fallback
  );
}
