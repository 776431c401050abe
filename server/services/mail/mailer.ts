// Outgoing mail over SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. Only this file
// imports nodemailer, and only when a mailer is made: without SMTP_URL there is no mailer, nothing
// offers e-mail, and the library is never loaded.

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

export async function createSmtpMailer(smtpUrl: string, from: string): Promise<Mailer> {
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(smtpUrl, { from });
  return {
    async send({ to, subject, text, lang }) {
      await transport.sendMail({ to, subject, text, headers: { 'Content-Language': lang } });
    },
    close: () => transport.close(),
  };
}
