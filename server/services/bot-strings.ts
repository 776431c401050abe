// What the bot and the system say in the visitor's language (the FAQ answers live in faq/data).
export interface BotStrings {
  handoff: string;
  fallback: string;
  joined: (agentName: string) => string;
  closed: string;
}

const STRINGS: Record<string, BotStrings> = {
  en: {
    handoff: "I'm connecting you with a person. Someone from the team will reply right here.",
    fallback: "I'm not sure I have the right answer to that, so I'm passing your question to a person.",
    joined: (n) => `${n} joined the chat.`,
    closed: 'This conversation is closed. Write again any time and we will pick it up.',
  },
  fr: {
    handoff: "Je vous mets en relation avec une personne de l'équipe. La réponse arrivera ici même.",
    fallback: "Je ne suis pas sûr d'avoir la bonne réponse, je transmets votre question à une personne de l'équipe.",
    joined: (n) => `${n} a rejoint la conversation.`,
    closed: 'Cette conversation est terminée. Écrivez-nous quand vous voulez, nous la reprendrons.',
  },
  es: {
    handoff: 'Te pongo en contacto con una persona del equipo. Te responderá aquí mismo.',
    fallback: 'No estoy seguro de tener la respuesta correcta, así que paso tu pregunta a una persona.',
    joined: (n) => `${n} se ha unido al chat.`,
    closed: 'Esta conversación está cerrada. Escríbenos cuando quieras y la retomaremos.',
  },
  de: {
    handoff: 'Ich verbinde Sie mit einer Person aus unserem Team. Die Antwort erscheint hier.',
    fallback: 'Ich bin mir bei der Antwort nicht sicher und gebe Ihre Frage an eine Person weiter.',
    joined: (n) => `${n} ist dem Chat beigetreten.`,
    closed: 'Dieses Gespräch ist beendet. Schreiben Sie uns jederzeit wieder, wir machen weiter.',
  },
};

export const botStrings = (lang: string): BotStrings => STRINGS[lang] ?? STRINGS.en!;
