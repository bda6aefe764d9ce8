#!/usr/bin/env node
import { runCli } from './cli/run-cli.js';

/** The `switchyard` bin: runs the CLI and, while serving, shuts down gracefully on SIGTERM/SIGINT. */
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  onServing(server, logger) {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn('second signal: exiting now', { signal });
        process.exit(1);
      }
      stopping = true;
      logger.info('shutting down', { signal });
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('shutdown failed', { error });
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  },
});
if (code !== 0) process.exitCode = code;
