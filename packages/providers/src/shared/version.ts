import packageJson from '../../package.json' with { type: 'json' };

/** This package's version, sent in the `user-agent` of requests the adapters make themselves. */
export const VERSION: string = packageJson.version;
