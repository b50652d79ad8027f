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
    await this.transporter.sendMail(envelope);
    // The address is an officer's: never in a log line.
    this.logger.debug(`Email ${message.id} handed to SMTP`);
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
