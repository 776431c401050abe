import type { SmallTalkLanguage } from './types.js';

export const it: SmallTalkLanguage = {
  lang: 'it',
  phrases: {
    greeting: ['ciao', 'salve', 'buongiorno', 'buon giorno', 'buonasera', 'buona sera', 'ehi', 'ciao a tutti', 'c è qualcuno'],
    thanks: ['grazie', 'grazie mille', 'grazie tante', 'molte grazie', 'ti ringrazio', 'la ringrazio', 'no grazie', 'ok grazie'],
    bye: ['arrivederci', 'a presto', 'a dopo', 'buona giornata', 'buona serata', 'buonanotte', 'ci vediamo', 'cordiali saluti'],
    bot: ['sei un bot', 'sei un robot', 'è un bot', 'è un robot', 'parlo con un bot', 'parlo con un robot'],
    ack: ['ok', 'okay', 'va bene', 'perfetto', 'capito', 'bene', 'benissimo', 'ottimo', 'd accordo'],
    howAreYou: ['come stai', 'come sta', 'come va', 'tutto bene'],
  },
  fillers: ['a', 'tutti', 'mille', 'tante', 'molto', 'signora', 'signore', 'di', 'nuovo', 'e'],
  replies: {
    greeting: ['Ciao! Come posso aiutarti?', 'Buongiorno 👋 Cosa posso fare per te?'],
    thanks: ['Prego! Posso aiutarti in altro?', 'Di niente. Altro?'],
    bye: ['Arrivederci e buona giornata!', 'A presto! Torna quando vuoi.'],
    bot: ["Sì, sono l'assistente automatico del negozio. Rispondo subito alle domande frequenti, e una persona del team può subentrare se serve."],
    ack: ['Perfetto! Altro?', 'Va bene. Sono qui se hai una domanda.'],
    howAreYou: ['Bene, grazie! Come posso aiutarti?', 'Tutto bene, grazie! Cosa posso fare per te?'],
  },
};
