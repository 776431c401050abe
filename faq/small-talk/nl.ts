import type { SmallTalkLanguage } from './types.js';

export const nl: SmallTalkLanguage = {
  lang: 'nl',
  phrases: {
    greeting: ['hallo', 'hoi', 'hey', 'hi', 'dag', 'goedemorgen', 'goedemiddag', 'goedenavond', 'goeiedag', 'hallo allemaal', 'is daar iemand'],
    thanks: ['dank je', 'dank u', 'dankjewel', 'dank je wel', 'dank u wel', 'bedankt', 'thx', 'heel erg bedankt', 'nee dank je', 'top bedankt'],
    bye: ['doei', 'dag dag', 'tot ziens', 'tot later', 'tot straks', 'fijne dag', 'prettige dag', 'groetjes', 'met vriendelijke groet', 'mvg'],
    bot: ['ben je een bot', 'ben je een robot', 'bent u een bot', 'is dit een bot', 'praat ik met een bot', 'praat ik met een robot'],
    ack: ['ok', 'oké', 'oke', 'prima', 'top', 'goed', 'helemaal goed', 'duidelijk', 'begrepen', 'super', 'perfect', 'akkoord'],
    howAreYou: ['hoe gaat het', 'hoe gaat het met je', 'hoe gaat het met u', 'alles goed', 'hoe is het'],
  },
  fillers: ['allemaal', 'iedereen', 'heel', 'erg', 'wel', 'nog', 'even', 'en', 'team', 'meneer', 'mevrouw'],
  replies: {
    greeting: ['Hallo! Waarmee kan ik u helpen?', 'Hoi 👋 Wat kan ik voor u doen?'],
    thanks: ['Graag gedaan! Kan ik nog ergens mee helpen?', 'Geen dank. Nog iets?'],
    bye: ['Tot ziens en een fijne dag!', 'Doei! Kom gerust terug.'],
    bot: ['Ja, ik ben de automatische assistent van de winkel. Veelgestelde vragen beantwoord ik meteen, en iemand van het team neemt het over als dat nodig is.'],
    ack: ['Prima! Nog iets?', 'Goed. Ik ben er als u een vraag heeft.'],
    howAreYou: ['Goed, dank u! Waarmee kan ik helpen?', 'Alles goed hier! Wat kan ik voor u doen?'],
  },
};
