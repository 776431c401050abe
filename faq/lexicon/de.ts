// German shop vocabulary for the analyser: see ./index.ts for what each part is for.
import type { Lexicon } from './types.js';

export const DE: Lexicon = {
  spellings: {
    hab: 'habe', nich: 'nicht', nix: 'nichts', net: 'nicht', ne: 'eine', n: 'einen', gehts: 'geht es',
    gibts: 'gibt es', wg: 'wegen', bzw: 'beziehungsweise', info: 'information', infos: 'information',
    mfg: 'gruss', lg: 'gruss', vg: 'gruss', pw: 'passwort',
  },
  filler: `hilfe helfen brauche brauchen benotige mochte mochten will wollte wurde wurden gern gerne bitte
    konnen konnt kannst konnte konnten sagen frage fragen hallo moin servus danke gruss grusse herr frau
    mist scheiss verdammt echt wirklich nur gerade etwas mal machen mache macht`,
  common: `zeit mal ort neu neue neuen machen gemacht ding sache leben tag tage jahr jahre leute welt gut gute
    schlecht gross klein erste letzte lang andere alt gleich wichtig woche monat haus mann frau kind freund
    familie heute morgen gestern jetzt wahr denken viel mehr weniger alle typ art ja nein passiert passieren passierte`,
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
