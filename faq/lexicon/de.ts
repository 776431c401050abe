// German shop vocabulary for the analyser: see ./index.ts for what each part is for.
import type { Lexicon } from './types.js';

export const DE: Lexicon = {
  spellings: {
    nen: 'einen', nem: 'einem', ner: 'einer', iwie: 'irgendwie', vllt: 'vielleicht', evtl: 'eventuell', grad: 'gerade', ggf: 'gegebenenfalls', zb: 'zum beispiel', kp: 'keine ahnung', thx: 'danke', pls: 'bitte', plz: 'bitte', bestellnr: 'bestellnummer', rechnungsnr: 'rechnungsnummer',
    hab: 'habe', nich: 'nicht', nix: 'nichts', net: 'nicht', ne: 'eine', n: 'einen', gehts: 'geht es',
    gibts: 'gibt es', wg: 'wegen', bzw: 'beziehungsweise', info: 'information', infos: 'information',
    mfg: 'gruss', lg: 'gruss', vg: 'gruss', pw: 'passwort',
  },
  filler: `hilfe helfen brauche brauchen benotige mochte mochten will wollte wurde wurden gern gerne bitte
    konnen konnt kannst konnte konnten sagen frage fragen hallo moin servus danke gruss grusse herr frau
    mist scheiss verdammt echt wirklich nur gerade etwas mal machen mache macht`,
  // The last lines: function words (time, place, pronouns, auxiliaries, numbers, conjunctions).
  common: `zeit mal ort neu neue neuen machen gemacht ding sache leben tag tage jahr jahre leute welt gut gute
    schlecht gross klein erste letzte lang andere alt gleich wichtig woche monat haus mann frau kind freund
    familie heute morgen gestern jetzt wahr denken viel mehr weniger alle typ art ja nein passiert passieren passierte
    nicht nichts nie niemals kein keine keinen keinem keiner euch euer eure eurem euren eurer ihren er sich
    selbst selber geht gehen ging gegangen wenn als ob dass damit weil obwohl sondern doch also dann danach
    davor vorher nachher immer oft manchmal selten hier dort dafur dagegen davon dazu darum daran darauf darin
    worum wofur wovon muss musst mussen musste soll sollst sollen sollte darf durfen durfte wird werde wirst
    werden worden bist seid gewesen hast hatte hatten gehabt tun tue tut getan einfach beim vom ins ans aufs
    furs ubers unters durchs eins zwei drei vier funf zehn hundert tausend ersten dritten jeder jede jedes
    jeden jedem welchen welchem lassen lasse lasst ließ laut trotz wahrend bis ohne gegen unter zwischen neben
    hinter irgendwie irgendwas irgendwo vielleicht eventuell eigentlich ziemlich sehr ganz gar total voll halt
    eben okay ok klar genau sowieso trotzdem bald spater fruher montag dienstag mittwoch donnerstag freitag
    samstag sonntag wochenende abend abends nachmittag vormittag mittag nacht normalerweise kurz lange langer
    seit wegen
    habt kam heisst weiss nun aller letzten gesagt komplett dauerhaft schritte erklaren erklart aktuell`,
  phrases: {
    'geld zuruck': 'erstattung', 'e mail': 'email', 'wie lange': 'dauer', 'wie viele tage': 'dauer',
    'funktioniert nicht': 'problem', 'klappt nicht': 'problem', 'geht nicht': 'problem',
    'click and collect': 'abholung', 'wo bleibt': 'whereis', 'wo ist': 'whereis', 'wo sind': 'whereis', 'auf lager': 'lager', 'wie viel uhr': 'offnungszeit',
  },
  synonyms: `
    rechnung beleg quittung
    erstattung ruckerstattung erstatten gutschreiben gutgeschrieben gutschrift
    paket sendung packchen
    lieferung liefern versand versenden verschicken schicken zustellung
    bestellung bestellen auftrag kauf kaufen
    konto kundenkonto profil benutzerkonto account
    passwort kennwort
    stornieren stornierung storno canceln
    andern bearbeiten korrigieren aktualisieren
    loschen entfernen
    beschwerde beschweren reklamation reklamieren
    bewertung bewerten rezension feedback
    problem fehler storung
    kosten kostet gebuhr gebuhren preis teuer
    falsch vertippt verschrieben
    herunterladen runterladen downloaden
    schale schalen schussel
    firma unternehmen
    samstag samstags sonntag sonntags wochenende
    kontaktieren erreichen
    adresse anschrift
    kaputt beschadigt zerbrochen
    offnungszeit offnungszeiten geoffnet offen servicezeit servicezeiten
    dauer lieferzeit lieferdauer versanddauer`,
};
