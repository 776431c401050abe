// French shop vocabulary for the analyser: see ./index.ts for what each part is for.
import type { Lexicon } from './types.js';

export const FR: Lexicon = {
  spellings: {
    cmt: 'comment', cmnt: 'comment', koi: 'quoi', kan: 'quand', jsp: 'je sais pas', jai: "j ai", ya: 'il y a', dc: 'donc', pr: 'pour', qqch: 'quelque chose', qqc: 'quelque chose', qqn: "quelqu un", qq: 'quelque', tjr: 'toujours', tjrs: 'toujours', tjs: 'toujours', mtn: 'maintenant', pcq: 'parce que', psk: 'parce que', vs: 'vous', nn: 'non', dsl: 'desole', jvais: 'je vais', jdois: 'je dois', jpense: 'je pense', chuis: 'je suis', jcomprends: 'je comprends', bsr: 'bonsoir', cc: 'coucou', tkt: 't inquiete', jamai: 'jamais', ptit: 'petit',
    stp: "s il te plait", svp: "s il vous plait", slt: 'salut', bjr: 'bonjour', pk: 'pourquoi', pq: 'pourquoi',
    pkoi: 'pourquoi', qd: 'quand', cmd: 'commande', cde: 'commande', mdp: 'mot de passe', jsuis: 'je suis',
    chui: 'je suis', jveux: 'je veux', jpeux: 'je peux', c: "c est", tt: 'tout', ds: 'dans', bcp: 'beaucoup',
    rdv: 'rendez vous', dispo: 'disponible', pb: 'probleme', pbm: 'probleme', infos: 'information',
    info: 'information', payant: 'frais', payante: 'frais', payants: 'frais', payantes: 'frais', mr6: 'merci', mrc: 'merci', ajd: "aujourd hui", auj: "aujourd hui",
  },
  filler: `aide aider aidez besoin voudrais voudrait veux vouloir souhaite souhaiterais aimerais pourriez
    pourrais pouvez peux peut savoir sais dire question plait bonjour bonsoir salut merci madame monsieur
    svp stp svp putain merde chier bordel vraiment juste actuellement quelqu chose truc faire fais fait combien avoir eu apres normal`,
  // The last lines: function words (time, place, pronouns, auxiliaries, numbers, conjunctions).
  common: `heure heures temps fois lieu nouveau nouvelle faire fait chose vie jour jours annee ans gens monde bon bonne mauvais
    grand petit premier dernier long autre vieux meme important semaine mois maison homme femme enfant ami
    famille aujourd hui demain hier maintenant vrai penser beaucoup plus moins tout tous type genre oui non
    chez depuis jamais avant matin soir soiree faut fallait toujours ete etais etait etes chaque plutot mis
    mise peu va vais vas allons allez vont aller alors dois doit devons devez doivent devoir devrais devrait
    seulement pres sera seront serait serais toutes toute soit fin viens venons viennent vers aussi car
    ensuite parce comme pendant sous entre selon malgre ici partout quelque quelques plusieurs certains
    certaines trop assez mieux celui celle ceux celles voila voici lundi mardi mercredi jeudi vendredi samedi
    dimanche weekend midi minuit prochain prochaine tard tot bientot longtemps souvent parfois jai dit dis
    disent disait prendre pris donner donne donnes lui eux elles soi dont lequel laquelle lesquels sinon
    pourtant cependant tandis lorsque puisque afin ainsi environ surtout peut-etre peutetre franchement
    carrement grave deux trois quatre cinq six sept huit dix cent mille premiere troisieme moitie entier
    entiere dedans dehors dessus dessous devant derriere cote loin pareil pareille tjs ouais ok okay daccord
    ben bah euh hein voilà sommes tellement
    possible impossible journee moment general generale derniere dernieres ailleurs definitivement demarche demarches etape etapes expliquer expliquez explique`,
  phrases: {
    'ou est': 'whereis', 'ou en est': 'whereis', 'ou sont': 'whereis', 'service client': 'custserv', 'service clientele': 'custserv', 'mot de passe': 'motdepasse',
    'combien de temps': 'duree', 'heures d ouverture': 'horaires', 'heure d ouverture': 'horaires',
    'combien coute': 'frais', 'c est combien': 'frais', 'en combien de jours': 'duree', 'frais de port': 'fraislivraison',
    'frais d envoi': 'fraislivraison', 'frais de livraison': 'fraislivraison', 'code promo': 'promo',
    'code de reduction': 'promo', 'bon de reduction': 'promo', 'carte cadeau': 'cartecadeau',
    'cheque cadeau': 'cartecadeau', 'bon cadeau': 'cartecadeau', 'e mail': 'email', 'week end': 'weekend',
    'lettre d information': 'newsletter', 'liste de diffusion': 'newsletter', 'ne fonctionne pas': 'probleme',
    'ne marche pas': 'probleme', 'mettre a jour': 'modifier', 'en rupture': 'rupture', 'espace client': 'compte',
    'click and collect': 'retrait', 'donnees personnelles': 'donnees',
  },
  synonyms: `
    facture justificatif
    rembourse remboursement rembourser
    colis paquet
    livraison livrer expedition expedier envoi envoyer
    ajouter rajouter
    recevoir recois recoit recu recue reception
    societe entreprise
    retour retourner renvoyer rendre
    samedi samedis dimanche dimanches weekend
    commande commander achat acheter
    compte profil
    annuler annulation resilier resiliation
    modifier changer corriger editer
    supprimer effacer
    reclamation plainte plaindre
    avis commentaire
    probleme souci erreur bug panne
    frais cout prix tarif
    moyen mode methode option
    contacter joindre
    suivi suivre tracer localiser
    connexion connecter identifier login
    inscription inscrire enregistrer
    casse abime endommage brise fele ebreche
    duree delai
    horaires horaire
    promo reduction remise`,
};
