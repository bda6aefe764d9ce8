import packageJson from '../package.json' with { type: 'json' };

/** This package's version, as `/health` and `switchyard --version` report it. */
export const VERSION: string = packageJson.version;
