// What the e-mails say, in the conversation's language (English for the others).
export interface MailStrings {
  transcriptSubject: (site: string) => string;
  transcriptIntro: (site: string) => string;
  replySubject: (site: string) => string;
  replyIntro: (agent: string, site: string) => string;
  /** How to answer: come back to the shop's page, the chat keeps the conversation. */
  replyOutro: string;
  you: string;
  assistant: string;
  /** Closes every mail: why it was sent. */
  footer: string;
}

const STRINGS: Record<string, MailStrings> = {
  en: {
    transcriptSubject: (s) => `Your conversation with ${s}`,
    transcriptIntro: (s) => `Here is your conversation with ${s}, as you asked.`,
    replySubject: (s) => `${s} answered you`,
    replyIntro: (a, s) => `${a} from ${s} answered you in the chat:`,
    replyOutro: 'To answer, open the shop again: the conversation is waiting for you in the chat.',
    you: 'You',
    assistant: 'Assistant',
    footer: 'You receive this e-mail because you left this address in the chat.',
  },
  fr: {
    transcriptSubject: (s) => `Votre conversation avec ${s}`,
    transcriptIntro: (s) => `Voici votre conversation avec ${s}, comme demandé.`,
    replySubject: (s) => `${s} vous a répondu`,
    replyIntro: (a, s) => `${a} de ${s} vous a répondu dans le chat :`,
    replyOutro: 'Pour répondre, revenez sur la boutique : la conversation vous attend dans le chat.',
    you: 'Vous',
    assistant: 'Assistant',
    footer: 'Vous recevez cet e-mail car vous avez laissé cette adresse dans le chat.',
  },
  es: {
    transcriptSubject: (s) => `Tu conversación con ${s}`,
    transcriptIntro: (s) => `Aquí tienes tu conversación con ${s}, como pediste.`,
    replySubject: (s) => `${s} te ha respondido`,
    replyIntro: (a, s) => `${a}, de ${s}, te ha respondido en el chat:`,
    replyOutro: 'Para responder, vuelve a la tienda: la conversación te espera en el chat.',
    you: 'Tú',
    assistant: 'Asistente',
    footer: 'Recibes este correo porque dejaste esta dirección en el chat.',
  },
  de: {
    transcriptSubject: (s) => `Ihr Gespräch mit ${s}`,
    transcriptIntro: (s) => `Hier ist Ihr Gespräch mit ${s}, wie gewünscht.`,
    replySubject: (s) => `${s} hat Ihnen geantwortet`,
    replyIntro: (a, s) => `${a} von ${s} hat Ihnen im Chat geantwortet:`,
    replyOutro: 'Um zu antworten, öffnen Sie den Shop erneut: Das Gespräch wartet im Chat auf Sie.',
    you: 'Sie',
    assistant: 'Assistent',
    footer: 'Sie erhalten diese E-Mail, weil Sie diese Adresse im Chat hinterlassen haben.',
  },
};

export function mailStrings(lang: string): MailStrings {
  return STRINGS[lang] ?? STRINGS.en!;
}
