import { SMTPServer } from 'smtp-server';
import { portOf } from './loopback-receiver.js';

export interface ReceivedMail {
  from: string;
  to: Array<string>;
  /** The raw message (headers and body). */
  data: string;
}

export interface SmtpSink {
  readonly port: number;
  readonly mails: Array<ReceivedMail>;
  close(): Promise<void>;
}

/** A local SMTP server (no TLS, no auth) that keeps every message it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: Array<ReceivedMail> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString('utf8');
      });
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: portOf(server.server.address()),
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
