// What the bot and the system say in the visitor's language, which is the conversation's `lang`
// whoever answers: an agent of another language, or the chat routed through another language's
// queue, never changes it (the FAQ answers live in faq/data).
export interface BotStrings {
  handoff: string;
  fallback: string;
  joined: (agentName: string) => string;
  closed: string;
  /** An agent sent the chat to a colleague's queue. */
  transferred: string;
  /** The agent's console went away past its grace period: the chat is back at the head of the line. */
  requeued: string;
  // "did you mean", "did this help?", and answers from another language's FAQ.
  suggest: string;
  unhelpful: string;
  /** The "talk to a person" quick reply: its label, and the words it sends (a hand-off request). */
  person: { label: string; text: string };
  /** Shown above an answer taken from the site's default-language FAQ. */
  otherLang: (lang: string) => string;
  /** The widget's greeting when the site has none of its own in this language. */
  welcome: string;
  /** Shown above an answer given while the chat waits for a person. */
  stillQueued: string;
}

const STRINGS: Record<string, BotStrings> = {
  en: {
    handoff: "I'm connecting you with a person. Someone from the team will reply right here.",
    fallback: "I'm not sure I have the right answer to that, so I'm passing your question to a person.",
    joined: (n) => `${n} joined the chat.`,
    closed: 'This conversation is closed. Write again any time and we will pick it up.',
    transferred: "I'm passing your conversation to a colleague. Please stay here: they will reply in this chat.",
    requeued: 'Your agent had to leave. You are back at the front of the line; someone will reply here.',
    suggest: 'Did you mean one of these?',
    unhelpful: 'Sorry that did not help. Would you like to talk to a person?',
    person: { label: 'Talk to a person', text: 'I want to talk to a person' },
    otherLang: (l) => `We have no answers in your language yet; this one is in ${l.toUpperCase()}.`,
    welcome: "Hello! I'm the shop's assistant. Ask me anything, or pick a topic:",
    stillQueued: "You're still in line for a person.",
  },
  fr: {
    handoff: "Je vous mets en relation avec une personne de l'équipe. La réponse arrivera ici même.",
    fallback: "Je ne suis pas sûr d'avoir la bonne réponse, je transmets votre question à une personne de l'équipe.",
    joined: (n) => `${n} a rejoint la conversation.`,
    closed: 'Cette conversation est terminée. Écrivez-nous quand vous voulez, nous la reprendrons.',
    transferred: 'Je transmets votre conversation à un collègue. Restez ici : la réponse arrivera dans cette conversation.',
    requeued: "Votre conseiller a dû s'absenter. Vous êtes de nouveau en tête de file ; quelqu'un vous répondra ici.",
    suggest: 'Vouliez-vous dire ?',
    unhelpful: "Désolé que cela ne vous ait pas aidé. Voulez-vous parler à une personne ?",
    person: { label: 'Parler à une personne', text: 'Je veux parler à une personne' },
    otherLang: (l) => `Nous n'avons pas encore de réponses en français ; celle-ci est en ${l.toUpperCase()}.`,
    welcome: "Bonjour ! Je suis l'assistant de la boutique. Posez votre question, ou choisissez un sujet :",
    stillQueued: "Vous êtes toujours dans la file d'attente pour parler à une personne.",
  },
  es: {
    handoff: 'Te pongo en contacto con una persona del equipo. Te responderá aquí mismo.',
    fallback: 'No estoy seguro de tener la respuesta correcta, así que paso tu pregunta a una persona.',
    joined: (n) => `${n} se ha unido al chat.`,
    closed: 'Esta conversación está cerrada. Escríbenos cuando quieras y la retomaremos.',
    transferred: 'Paso tu conversación a un compañero. Quédate aquí: te responderá en este chat.',
    requeued: 'Tu agente ha tenido que irse. Vuelves a estar el primero de la cola; alguien te responderá aquí.',
    suggest: '¿Quisiste decir…?',
    unhelpful: 'Siento que no te haya ayudado. ¿Quieres hablar con una persona?',
    person: { label: 'Hablar con una persona', text: 'Quiero hablar con una persona' },
    otherLang: (l) => `Aún no tenemos respuestas en español; esta está en ${l.toUpperCase()}.`,
    welcome: '¡Hola! Soy el asistente de la tienda. Escribe tu pregunta o elige un tema:',
    stillQueued: 'Sigues en la cola para hablar con una persona.',
  },
  de: {
    handoff: 'Ich verbinde Sie mit einer Person aus unserem Team. Die Antwort erscheint hier.',
    fallback: 'Ich bin mir bei der Antwort nicht sicher und gebe Ihre Frage an eine Person weiter.',
    joined: (n) => `${n} ist dem Chat beigetreten.`,
    closed: 'Dieses Gespräch ist beendet. Schreiben Sie uns jederzeit wieder, wir machen weiter.',
    transferred: 'Ich gebe Ihr Gespräch an eine Kollegin oder einen Kollegen weiter. Bleiben Sie hier: Die Antwort erscheint in diesem Chat.',
    requeued: 'Ihr Ansprechpartner musste gehen. Sie sind wieder vorne in der Warteschlange; jemand antwortet Ihnen hier.',
    suggest: 'Meinten Sie eines davon?',
    unhelpful: 'Schade, dass das nicht geholfen hat. Möchten Sie mit einem Menschen sprechen?',
    person: { label: 'Mit einem Menschen sprechen', text: 'Ich möchte mit einem Menschen sprechen' },
    otherLang: (l) => `Wir haben noch keine Antworten auf Deutsch; diese ist auf ${l.toUpperCase()}.`,
    welcome: 'Hallo! Ich bin der Assistent des Shops. Stellen Sie Ihre Frage oder wählen Sie ein Thema:',
    stillQueued: 'Sie sind weiterhin in der Warteschlange für eine Person.',
  },
};

export const botStrings = (lang: string): BotStrings => STRINGS[lang] ?? STRINGS.en!;
