// The widget's words in the site's four languages, chosen once from the browser (fallback en).
// The bot's and the system's lines come from the server in the conversation's language.
import type { Problem } from './chat-state.js';

export interface Strings {
  placeholder: string;
  send: string;
  human: string;
  bot: string;
  waiting: string;
  closed: string;
  reconnecting: string;
  close: string;
  typing: string;
  retry: string;
  /** "{n}" is replaced by the count. */
  unread: string;
  failed: string;
  rateLimited: string;
  unavailable: string;
  /** Waiting for an agent: "{n}" is the place in line, "{m}" minutes. */
  position: string;
  wait: string;
  /** Nobody available (or outside business hours): leave an e-mail. */
  offline: string;
  email: string;
  saved: string;
  /** "Did this help?" under a bot answer, and the language picker's label. */
  helped: string;
  yes: string;
  no: string;
  lang: string;
  /** After "Yes, this helped". */
  thanks: string;
  /** Past the length limit: "{n}" is the length, "{max}" the limit. */
  tooLong: string;
  /** Ending the chat, then rating it ("{n}" of 5) with an optional comment, and its transcript by e-mail. */
  end: string;
  rate: string;
  stars: string;
  comment: string;
  rated: string;
  transcript: string;
  mailed: string;
}

const STRINGS: Record<string, Strings> = {
  en: {
    placeholder: 'Write a message…',
    send: 'Send',
    human: 'Talk to a person',
    bot: 'Assistant',
    waiting: 'Waiting for an agent',
    closed: 'Conversation closed',
    reconnecting: 'Reconnecting…',
    close: 'Close chat',
    typing: 'Typing…',
    retry: 'Not sent. Retry',
    unread: '{n} unread',
    failed: 'That did not work. Please try again.',
    rateLimited: 'Too many messages. Please wait a moment.',
    unavailable: 'Chat is not available on this page.',
    position: 'You are number {n} in line',
    wait: 'about {m} min',
    offline: 'Nobody is available right now. Leave your message and your e-mail: we will reply here.',
    email: 'Your e-mail',
    saved: 'Thank you! We will reply here.',
    helped: 'Did this help?',
    yes: 'Yes',
    no: 'No',
    lang: 'Language',
    thanks: 'Thanks for telling us!',
    tooLong: 'Too long: {n} characters, the limit is {max}. Please shorten your message.',
    end: 'End chat',
    rate: 'How was this chat?',
    stars: '{n} out of 5',
    comment: 'A comment (optional)',
    rated: 'Thank you for your rating!',
    transcript: 'E-mail me this conversation',
    mailed: 'Sent. Check your inbox.',
  },
  fr: {
    placeholder: 'Écrivez un message…',
    send: 'Envoyer',
    human: 'Parler à une personne',
    bot: 'Assistant',
    waiting: 'En attente d’un conseiller',
    closed: 'Conversation terminée',
    reconnecting: 'Reconnexion…',
    close: 'Fermer le chat',
    typing: 'Écrit…',
    retry: 'Non envoyé. Réessayer',
    unread: '{n} non lu(s)',
    failed: 'Cela n’a pas fonctionné. Veuillez réessayer.',
    rateLimited: 'Trop de messages. Patientez un instant.',
    unavailable: 'Le chat n’est pas disponible sur cette page.',
    position: 'Vous êtes n° {n} dans la file',
    wait: 'environ {m} min',
    offline: 'Personne n’est disponible pour le moment. Laissez votre message et votre e-mail : nous répondrons ici.',
    email: 'Votre e-mail',
    saved: 'Merci ! Nous répondrons ici.',
    helped: 'Cela vous a-t-il aidé ?',
    yes: 'Oui',
    no: 'Non',
    lang: 'Langue',
    thanks: 'Merci pour votre retour !',
    tooLong: 'Trop long : {n} caractères, la limite est de {max}. Raccourcissez votre message.',
    end: 'Terminer',
    rate: 'Comment s’est passée cette conversation ?',
    stars: '{n} sur 5',
    comment: 'Un commentaire (facultatif)',
    rated: 'Merci pour votre note !',
    transcript: 'Recevoir cette conversation par e-mail',
    mailed: 'Envoyé. Consultez votre boîte mail.',
  },
  es: {
    placeholder: 'Escribe un mensaje…',
    send: 'Enviar',
    human: 'Hablar con una persona',
    bot: 'Asistente',
    waiting: 'Esperando a un agente',
    closed: 'Conversación cerrada',
    reconnecting: 'Reconectando…',
    close: 'Cerrar el chat',
    typing: 'Escribiendo…',
    retry: 'No enviado. Reintentar',
    unread: '{n} sin leer',
    failed: 'No ha funcionado. Inténtalo de nuevo.',
    rateLimited: 'Demasiados mensajes. Espera un momento.',
    unavailable: 'El chat no está disponible en esta página.',
    position: 'Eres el número {n} en la fila',
    wait: 'unos {m} min',
    offline: 'Ahora no hay nadie disponible. Deja tu mensaje y tu correo: te responderemos aquí.',
    email: 'Tu correo',
    saved: '¡Gracias! Te responderemos aquí.',
    helped: '¿Te ha ayudado?',
    yes: 'Sí',
    no: 'No',
    lang: 'Idioma',
    thanks: '¡Gracias por decírnoslo!',
    tooLong: 'Demasiado largo: {n} caracteres, el límite es {max}. Acorta tu mensaje.',
    end: 'Terminar',
    rate: '¿Qué tal ha ido esta conversación?',
    stars: '{n} de 5',
    comment: 'Un comentario (opcional)',
    rated: '¡Gracias por tu valoración!',
    transcript: 'Recibir esta conversación por correo',
    mailed: 'Enviado. Revisa tu correo.',
  },
  de: {
    placeholder: 'Nachricht schreiben…',
    send: 'Senden',
    human: 'Mit einer Person sprechen',
    bot: 'Assistent',
    waiting: 'Warten auf einen Mitarbeiter',
    closed: 'Gespräch beendet',
    reconnecting: 'Verbindung wird wiederhergestellt…',
    close: 'Chat schließen',
    typing: 'Schreibt…',
    retry: 'Nicht gesendet. Erneut versuchen',
    unread: '{n} ungelesen',
    failed: 'Das hat nicht geklappt. Bitte erneut versuchen.',
    rateLimited: 'Zu viele Nachrichten. Bitte einen Moment warten.',
    unavailable: 'Der Chat ist auf dieser Seite nicht verfügbar.',
    position: 'Sie sind Nummer {n} in der Warteschlange',
    wait: 'etwa {m} Min.',
    offline: 'Gerade ist niemand erreichbar. Hinterlassen Sie Ihre Nachricht und Ihre E-Mail: Wir antworten hier.',
    email: 'Ihre E-Mail',
    saved: 'Danke! Wir antworten hier.',
    helped: 'Hat das geholfen?',
    yes: 'Ja',
    no: 'Nein',
    lang: 'Sprache',
    thanks: 'Danke für Ihre Rückmeldung!',
    tooLong: 'Zu lang: {n} Zeichen, erlaubt sind {max}. Bitte kürzen Sie Ihre Nachricht.',
    end: 'Beenden',
    rate: 'Wie war dieses Gespräch?',
    stars: '{n} von 5',
    comment: 'Ein Kommentar (optional)',
    rated: 'Danke für Ihre Bewertung!',
    transcript: 'Dieses Gespräch per E-Mail erhalten',
    mailed: 'Gesendet. Sehen Sie in Ihr Postfach.',
  },
};

const browserLang = (navigator.language || 'en').slice(0, 2).toLowerCase();
/** The language of the widget's own words: its `lang`, so a screen reader speaks them right on a page in another. */
export const lang = STRINGS[browserLang] ? browserLang : 'en';
export const t: Strings = STRINGS[lang]!;

/** The error line for a problem: never the server's own text, which is English and technical. */
export function problemText(problem: Problem): string {
  if (problem === 'RATE_LIMITED') return t.rateLimited;
  if (problem === 'UNKNOWN_SITE' || problem === 'BAD_ORIGIN') return t.unavailable;
  return t.failed;
}
