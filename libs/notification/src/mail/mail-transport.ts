import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@simpul/config';

/** One message: text only, built from codes, a reference and a link (email-message.ts). */
export interface MailMessage {
  /** Also names the .eml file and the Message-ID, so a re-sent message replaces itself. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends email through SMTP (SMTP_URL, nodemailer), or — in development and tests, or with
 * MAIL_DIR — writes each message as `<id>.eml` into a folder, exactly as it would go over the
 * wire (README, "Notifications, email and webhooks"). Off when neither is configured (production
 * without SMTP_URL): then `enabled` is false and nothing is enqueued for email.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private transporter: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.notifications.mail !== null;
  }

  async send(message: MailMessage): Promise<void> {
    const mail = this.config.notifications.mail;
    if (!mail) return;
    const envelope = {
      from: this.config.notifications.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: `<${message.id}@simpul>`,
    };
    if (mail.kind === 'folder') {
      const built = await nodemailer
        .createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
        .sendMail(envelope);
      await mkdir(mail.dir, { recursive: true });
      await writeFile(join(mail.dir, `${message.id}.eml`), built.message as Buffer);
      return;
    }
    this.transporter ??= nodemailer.createTransport(mail.url);
    try {
      await this.transporter.sendMail(envelope);
    } catch (error) {
      throw withoutAddress(message.id, error);
    }
    // The address is an officer's: never in a log line.
    this.logger.debug(`Email ${message.id} handed to SMTP`);
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}

/**
 * A failed send as the worker may record it: nodemailer's message quotes the server's answer,
 * and a server refusing a recipient names it (`550 5.1.1 <name@agency.go.id>: Recipient address
 * rejected`) — that message would become a log line, a BullMQ failure and the outbox row's last
 * error. Only its codes are kept: nodemailer's (EENVELOPE, ECONNECTION, EAUTH …), the SMTP reply
 * code and the command that failed.
 */
function withoutAddress(messageId: string, error: unknown): Error {
  const { code, responseCode, command } = (error ?? {}) as Record<string, unknown>;
  const facts = [
    typeof code === 'string' ? code : null,
    typeof responseCode === 'number' ? `SMTP ${responseCode}` : null,
    typeof command === 'string' ? `at ${command.split(' ').slice(0, 2).join(' ')}` : null,
  ].filter((fact): fact is string => fact !== null);
  const failure = new Error(
    `email ${messageId} not sent: ${facts.length ? facts.join(', ') : 'the SMTP transport failed'} (the server's answer is not kept: it may name the address)`,
  );
  if (typeof code === 'string') Object.assign(failure, { code });
  return failure;
}
