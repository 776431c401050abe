// What a shop's visitors mean, whatever words they pick: per language, chat spellings ("u",
// "plz", "stp"), filler that only says "I am asking" ("I need help to…", "j'aurais besoin…"),
// multi-word expressions that are one idea ("customer service", "mot de passe") and groups of
// words that name the same thing in shop talk ("invoice", "bill", "receipt"). General shop
// vocabulary only, written for any shop's FAQ: a merchant's own words belong in the FAQ file
// (phrasings, keywords), not here. Everything is in normalised form (lower case, no accents).
import type { Lang } from '../server/protocol/types.js';

export interface Lexicon {
  /** One word → the words it stands for. */
  spellings: Record<string, string>;
  /** Words that never tell two FAQ entries apart: requests for help, politeness, swearing. */
  filler: string;
  /** Multi-word expression → one concept word (matched on stems, longest first). */
  phrases: Record<string, string>;
  /** Each line: words that mean the same here; the first is the concept's name. */
  synonyms: string;
}

/** Said the same way in every language we serve. */
const COMMON_SPELLINGS: Record<string, string> = {
  email: 'email', mail: 'email', mails: 'email', emails: 'email', courriel: 'email', correo: 'email',
};

export const LEXICONS: Record<string, Lexicon> = {
  en: {
    spellings: {
      u: 'you', ya: 'you', yu: 'you', ur: 'your', yr: 'your', r: 'are', pls: 'please', plz: 'please', pleas: 'please',
      thx: 'thanks', thanx: 'thanks', ty: 'thank you', tnx: 'thanks', wanna: 'want to', gonna: 'going to',
      gotta: 'got to', im: 'i am', ive: 'i have', dont: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'can not',
      cannot: 'can not', wont: 'will not', isnt: 'is not', havent: 'have not', hasnt: 'has not', wasnt: 'was not',
      arent: 'are not', couldnt: 'could not', idk: 'i do not know', coz: 'because', cuz: 'because', b4: 'before',
      acct: 'account', acc: 'account', pwd: 'password', pw: 'password', passwd: 'password', addr: 'address',
      info: 'information', msg: 'message', pkg: 'package', asap: 'soon', n: 'and', w: 'with', abt: 'about',
      whats: 'what is', wheres: 'where is', hows: 'how is', thats: 'that is', ok: 'okay', k: 'okay',
    },
    filler: `help helps helping helped assist assistance assisting need needs needed want wants wanted would like
      try tries trying tried attempt able possible please could can may might tell show let know sure question
      questions hi hello hey dear sir madam thanks thank regards way something anything thing things guys okay
      damn goddamn bloody fucking fuckin fuck freaking frigging shit shitty crap crappy effing hell really
      actually currently just soon anybody do does did doing done going go gonna will shall us`,
    phrases: {
      'customer service': 'custserv', 'customer support': 'custserv', 'customer care': 'custserv',
      'customer assistance': 'custserv', 'customer services': 'custserv', 'support team': 'custserv',
      'help desk': 'custserv', 'helpdesk': 'custserv', 'service client': 'custserv',
      'money back': 'refund', 'how long': 'duration', 'how soon': 'duration',
      'how many days': 'duration', 'how much time': 'duration', 'how much': 'cost', 'sign up': 'register',
      'signup': 'register', 'log in': 'login', 'log on': 'login', 'sign in': 'login', 'signin': 'login',
      'logon': 'login', 'get in touch': 'contact', 'reach out': 'contact', 'set up': 'setup',
      'mailing list': 'newsletter', 'opt out': 'unsubscribe', 'e mail': 'email', 'pick up': 'pickup',
      'click and collect': 'pickup', 'opening hours': 'openhours', 'opening times': 'openhours',
      'business hours': 'openhours', 'check out': 'checkout', 'gift card': 'giftcard',
      'gift voucher': 'giftcard', 'gift certificate': 'giftcard', 'promo code': 'promo', 'discount code': 'promo',
      'not work': 'problem', 'go through': 'through', 'went through': 'through', 'sold out': 'outofstock',
      'out of stock': 'outofstock', 'back in stock': 'instock', 'in stock': 'instock',
    },
    synonyms: `
      invoice bill receipt
      refund reimbursement reimburse repayment repay
      parcel package packet
      ship shipping shipment deliver delivery dispatch
      order purchase buy
      account profile user
      password passcode passphrase
      cancel cancellation terminate termination
      change modify edit update amend alter correct
      delete remove erase
      complaint complain grievance
      review feedback opinion rating testimonial comment
      problem issue trouble error bug glitch fail failure
      cost fee charge price penalty
      method option mode modality
      contact reach
      email mail
      subscribe subscription unsubscribe
      track trace locate
      register registration enroll enrol
      damaged broken cracked smashed shattered chipped
      duration period timeframe eta
      promo coupon discount
      size dimension measurement`,
  },
  fr: {
    spellings: {
      stp: "s il te plait", svp: "s il vous plait", slt: 'salut', bjr: 'bonjour', pk: 'pourquoi', pq: 'pourquoi',
      pkoi: 'pourquoi', qd: 'quand', cmd: 'commande', cde: 'commande', mdp: 'motdepasse', jsuis: 'je suis',
      chui: 'je suis', jveux: 'je veux', jpeux: 'je peux', c: "c est", tt: 'tout', ds: 'dans', bcp: 'beaucoup',
      rdv: 'rendez vous', dispo: 'disponible', pb: 'probleme', pbm: 'probleme', infos: 'information',
      info: 'information', mr6: 'merci', mrc: 'merci', ajd: "aujourd hui", auj: "aujourd hui",
    },
    filler: `aide aider aidez besoin voudrais voudrait veux vouloir souhaite souhaiterais aimerais pourriez
      pourrais pouvez peux peut savoir sais dire question plait bonjour bonsoir salut merci madame monsieur
      svp stp svp putain merde chier bordel vraiment juste actuellement quelqu chose truc faire fais fait`,
    phrases: {
      'service client': 'custserv', 'service clientele': 'custserv', 'mot de passe': 'motdepasse',
      'combien de temps': 'duree', 'en combien de jours': 'duree', 'frais de port': 'fraislivraison',
      'frais d envoi': 'fraislivraison', 'frais de livraison': 'fraislivraison', 'code promo': 'promo',
      'code de reduction': 'promo', 'bon de reduction': 'promo', 'carte cadeau': 'cartecadeau',
      'cheque cadeau': 'cartecadeau', 'bon cadeau': 'cartecadeau', 'e mail': 'email',
      'lettre d information': 'newsletter', 'liste de diffusion': 'newsletter', 'ne fonctionne pas': 'probleme',
      'ne marche pas': 'probleme', 'mettre a jour': 'modifier', 'en rupture': 'rupture', 'espace client': 'compte',
      'click and collect': 'retrait', 'donnees personnelles': 'donnees',
    },
    synonyms: `
      facture recu justificatif
      rembourse remboursement rembourser
      colis paquet
      livraison livrer expedition expedier
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
  },
  es: {
    spellings: {
      q: 'que', xq: 'porque', pq: 'porque', porq: 'porque', tb: 'tambien', tmb: 'tambien', xfa: 'por favor',
      porfa: 'por favor', pf: 'por favor', d: 'de', k: 'que', info: 'informacion', dnd: 'donde', cdo: 'cuando',
    },
    filler: `ayuda ayudar ayudarme ayudeme necesito necesitaria quiero queria quisiera querria gustaria puedo puede
      pueden podria podrian podeis saber se decir pregunta favor hola buenas buenos gracias senor senora
      mierda joder puta coño hostia realmente solo actualmente algo cosa hacer hago hace`,
    phrases: {
      'atencion al cliente': 'custserv', 'servicio al cliente': 'custserv', 'servicio de atencion': 'custserv',
      'cuanto tarda': 'duracion', 'cuanto tiempo': 'duracion', 'cuantos dias': 'duracion',
      'gastos de envio': 'gastosenvio', 'coste del envio': 'gastosenvio', 'costo de envio': 'gastosenvio',
      'codigo de descuento': 'promo', 'codigo promocional': 'promo', 'codigo promo': 'promo',
      'tarjeta regalo': 'tarjetaregalo', 'cheque regalo': 'tarjetaregalo', 'bono regalo': 'tarjetaregalo',
      'e mail': 'email', 'correo electronico': 'email', 'no funciona': 'problema', 'dar de baja': 'baja',
      'darme de baja': 'baja', 'iniciar sesion': 'login', 'lista de correo': 'boletin',
      'devolver el dinero': 'reembolso', 'devolveis el dinero': 'reembolso',
      'datos personales': 'datos',
    },
    synonyms: `
      factura recibo
      reembolso reembolsar
      paquete
      envio enviar entrega entregar mandar
      pedido pedir compra comprar orden
      cuenta perfil usuario
      contrasena clave
      cancelar cancelacion anular
      cambiar modificar editar corregir actualizar
      eliminar borrar suprimir
      queja reclamacion reclamar quejarme quejar
      opinion resena comentario valoracion
      problema error fallo incidencia
      gastos coste costo precio tarifa cargo comision
      metodo forma opcion medio modo
      contactar comunicarme
      boletin newsletter
      seguimiento rastrear rastreo
      direccion domicilio
      roto rota danado estropeado
      horario horarios`,
  },
  de: {
    spellings: {
      hab: 'habe', nich: 'nicht', nix: 'nichts', net: 'nicht', ne: 'eine', n: 'einen', gehts: 'geht es',
      gibts: 'gibt es', wg: 'wegen', bzw: 'beziehungsweise', info: 'information', infos: 'information',
      mfg: 'gruss', lg: 'gruss', vg: 'gruss', pw: 'passwort',
    },
    filler: `hilfe helfen brauche brauchen benotige mochte mochten will wollte wurde wurden gern gerne bitte
      konnen konnt kannst konnte konnten sagen frage fragen hallo moin servus danke gruss grusse herr frau
      mist scheiss verdammt echt wirklich nur gerade etwas mal machen mache macht`,
    phrases: {
      'geld zuruck': 'erstattung', 'e mail': 'email', 'wie lange': 'dauer', 'wie viele tage': 'dauer',
      'funktioniert nicht': 'problem', 'klappt nicht': 'problem', 'geht nicht': 'problem',
      'click and collect': 'abholung', 'auf lager': 'lager', 'wie viel uhr': 'offnungszeit',
    },
    synonyms: `
      rechnung beleg quittung
      erstattung ruckerstattung erstatten
      paket sendung packchen
      lieferung liefern versand versenden verschicken zustellung
      bestellung bestellen auftrag kauf kaufen
      konto kundenkonto profil benutzerkonto account
      passwort kennwort
      stornieren stornierung storno canceln
      andern bearbeiten korrigieren aktualisieren
      loschen entfernen
      beschwerde beschweren reklamation reklamieren
      bewertung bewerten rezension feedback
      problem fehler storung
      kosten gebuhr gebuhren preis
      kontaktieren erreichen
      adresse anschrift
      kaputt beschadigt zerbrochen
      offnungszeit offnungszeiten geoffnet offen servicezeit servicezeiten
      dauer lieferzeit lieferdauer versanddauer`,
  },
};

export function lexiconFor(lang: Lang): Lexicon | undefined {
  return LEXICONS[lang];
}

export { COMMON_SPELLINGS };
