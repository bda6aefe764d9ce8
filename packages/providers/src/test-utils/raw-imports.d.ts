// Vite's `?raw` suffix imports a file's exact text; tests use it to serve recorded wire fixtures.
declare module '*?raw' {
  const content: string;
  export default content;
}
