// Outgoing mail over SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. Only this file
// imports nodemailer; without SMTP_URL there is no mailer and nothing offers e-mail.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The mail's language (Content-Language), the visitor's. */
  lang: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, { from });
  return {
    async send({ to, subject, text, lang }) {
      await transport.sendMail({ to, subject, text, headers: { 'Content-Language': lang } });
    },
    close: () => transport.close(),
  };
}
