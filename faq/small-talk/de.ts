import type { SmallTalkLanguage } from './types.js';

export const de: SmallTalkLanguage = {
  lang: 'de',
  phrases: {
    greeting: ['hallo', 'hallöchen', 'hi', 'hey', 'servus', 'moin', 'moin moin', 'grüß gott', 'grüss gott', 'grüß dich', 'grüezi', 'guten tag', 'guten morgen', 'guten abend', 'tag', 'tach', 'na', 'hallo zusammen', 'ist da jemand', 'jemand da'],
    thanks: ['danke', 'dankeschön', 'danke schön', 'danke sehr', 'vielen dank', 'vielen lieben dank', 'herzlichen dank', 'danke vielmals', 'tausend dank', 'dank', 'thx', 'merci', 'nein danke', 'ok danke', 'super danke', 'perfekt danke', 'besten dank'],
    bye: ['tschüss', 'tschüs', 'tschau', 'ciao', 'auf wiedersehen', 'auf wiederhören', 'bis bald', 'bis dann', 'bis später', 'schönen tag', 'schönen tag noch', 'einen schönen tag', 'gute nacht', 'mach s gut', 'machs gut', 'bye', 'mfg', 'viele grüße', 'liebe grüße', 'lg', 'schönes wochenende'],
    bot: ['bist du ein bot', 'bist du ein roboter', 'sind sie ein bot', 'sind sie ein roboter', 'ist das ein bot', 'ist das ein roboter', 'rede ich mit einem bot', 'rede ich mit einem roboter', 'spreche ich mit einem bot', 'bist du echt', 'bot', 'roboter'],
    ack: ['ok', 'okay', 'okey', 'alles klar', 'gut', 'sehr gut', 'super', 'prima', 'perfekt', 'toll', 'verstanden', 'ach so', 'achso', 'passt', 'in ordnung', 'geht klar', 'cool'],
    howAreYou: ['wie geht s', 'wie gehts', 'wie geht es dir', 'wie geht es ihnen', 'wie geht es', 'alles gut', 'was geht', 'na wie gehts', 'alles fit'],
  },
  fillers: ['zusammen', 'alle', 'leute', 'team', 'vielen', 'vielmals', 'sehr', 'herzlichen', 'lieben', 'schön', 'dir', 'ihnen', 'euch', 'nochmal', 'nochmals', 'auch', 'mal', 'erstmal', 'und', 'oh', 'ah', 'also', 'liebes', 'liebe', 'nett'],
  replies: {
    greeting: ['Hallo! Wie kann ich Ihnen helfen?', 'Hallo 👋 Was kann ich für Sie tun?', 'Guten Tag! Stellen Sie mir gern Ihre Frage.'],
    thanks: ['Gern geschehen! Kann ich sonst noch helfen?', 'Sehr gern. Noch etwas?', 'Freut mich, dass ich helfen konnte! Fragen Sie gern, wenn noch etwas ist.'],
    bye: ['Auf Wiedersehen und einen schönen Tag!', 'Tschüss! Schauen Sie jederzeit wieder vorbei.', 'Danke für Ihren Besuch, bis bald!'],
    bot: [
      'Ja, ich bin der automatische Assistent des Shops. Häufige Fragen beantworte ich sofort, und eine Person aus dem Team übernimmt, wenn Sie das brauchen.',
      'Ich bin ein Bot, ja: Ich kenne die Antworten auf die häufigen Fragen. Bei allem anderen antwortet Ihnen eine Person aus dem Team.',
    ],
    ack: ['Prima! Noch etwas?', 'Alles klar. Ich bin da, wenn Sie eine Frage haben.', 'Gut! Was kann ich sonst für Sie tun?'],
    howAreYou: ['Mir geht es gut, danke! Wie kann ich helfen?', 'Alles gut hier, danke der Nachfrage! Was kann ich für Sie tun?', 'Gut, danke. Was ist Ihre Frage?'],
  },
};
