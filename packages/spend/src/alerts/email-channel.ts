import { isRecord } from '../internal/is-record.js';
import type { AlertChannel } from './alert-channel.js';
import { AlertDeliveryError } from './alert-delivery-error.js';
import { formatAlertDetails, formatAlertText } from './format-alert-text.js';

/** The part of a nodemailer transporter the channel uses; any mailer with this method works. */
export interface MailTransport {
  sendMail(message: { from: string; to: Array<string>; subject: string; text: string }): Promise<unknown>;
  close?(): void;
}

/** SMTP settings, passed to nodemailer's `createTransport`. */
export interface SmtpOptions {
  host: string;
  /** Default 587, or 465 when `secure`. */
  port?: number;
  /** TLS from the start (port 465). Default false (STARTTLS when offered). */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** Do not upgrade with STARTTLS even when offered. */
  ignoreTLS?: boolean;
  /** Fail unless STARTTLS succeeds. */
  requireTLS?: boolean;
}

export interface EmailChannelOptions {
  to: string | ReadonlyArray<string>;
  /** Default `switchyard@localhost`. */
  from?: string;
  /** SMTP server: options or an `smtp(s)://user:pass@host:port` URL. Needs the optional peer `nodemailer`. */
  smtp?: string | SmtpOptions;
  /** A ready transport instead of `smtp` (e.g. an existing nodemailer transporter). */
  transport?: MailTransport;
}

const permanentSmtpFailure = (error: unknown): boolean =>
  isRecord(error) && typeof error.responseCode === 'number' && error.responseCode >= 500;

/**
 * Emails alerts through SMTP with nodemailer, loaded on first use so apps that never email do not need it.
 * A 5xx SMTP reply is permanent; connection failures and 4xx replies are retried.
 */
export function emailChannel(options: EmailChannelOptions): AlertChannel {
  const to = typeof options.to === 'string' ? [options.to] : [...options.to];
  const from = options.from ?? 'switchyard@localhost';
  let transport: Promise<MailTransport> | undefined;
  const getTransport = (): Promise<MailTransport> => {
    if (options.transport !== undefined) return Promise.resolve(options.transport);
    const smtp = options.smtp;
    if (smtp === undefined) {
      return Promise.reject(
        new AlertDeliveryError('email channel needs `smtp` or `transport`.', 'email', false),
      );
    }
    transport ??= import('nodemailer').then(
      ({ createTransport }) => (typeof smtp === 'string' ? createTransport(smtp) : createTransport(smtp)),
      (error: unknown) => {
        throw new AlertDeliveryError('email channel needs the `nodemailer` package.', 'email', false, {
          cause: error,
        });
      },
    );
    return transport;
  };
  return {
    type: 'email',
    async send(alert) {
      const mailer = await getTransport();
      try {
        await mailer.sendMail({ from, to, subject: formatAlertText(alert), text: formatAlertDetails(alert) });
      } catch (error) {
        throw new AlertDeliveryError(
          `email alert could not be sent: ${error instanceof Error ? error.message : String(error)}`,
          'email',
          !permanentSmtpFailure(error),
          { cause: error },
        );
      }
    },
    async close() {
      if (transport !== undefined) (await transport.catch(() => undefined))?.close?.();
    },
  };
}
