// Frequent words of chat and shop talk per routing language, written by hand (not taken from any
// benchmark file): function words, pronouns and auxiliaries, greetings and thanks, yes/no, and the
// words of order/delivery/payment questions. Statistical models see too little in "merci",
// "hola" or "danke" (eld reads "merci" as Italian); a listed word is near-certain. Accents as
// written; cues.ts also matches a visitor who types them without ("donde", "tres").
const list = (s: string) => s.split(/\s+/).filter(Boolean);

export const CUE_WORDS: Record<string, string[]> = {
  en: list(`
    the a an and or but of to in on at for with from by about into than then that this these those
    there here is are was were be been being am do does did done have has had can could would should
    will shall may might must not no yes yeah yep nope i me my mine we us our you your he him his
    she her it its they them their what which who whose when where why how all any some more most
    other only very just also again still even really much many hi hello hey thanks thank please
    sorry bye goodbye morning evening afternoon night good great nice fine sure want need like know
    think get got going make take see look come give tell ask help order orders ordered delivery
    shipping ship shipped return refund package parcel payment pay card account address email price
    size colour color stock available track tracking cancel change item product buy bought send sent
    receive received arrived wrong broken missing yet today tomorrow week day days if because after
    before never always something anything nothing someone anyone thing new one two right out up now
    dont doesnt didnt cant wont isnt im ive youre thats whats don doesn didn isn wasn aren won
    couldn wouldn shouldn haven ll ve
    free
  `),
  fr: list(`
    le la les un une des du de au aux et ou où mais donc car je me moi mon ma mes tu te toi ton ta
    tes il elle on nous vous votre vos notre nos leur leurs ils elles ce cet cette ces ça cela ceci
    qui que qu quoi quel quelle quels quelles est sont suis es être été était ai as avez avons ont
    avoir fait faire peux peut pouvez puis pourriez pourrais voudrais voudrait veux veut voulez
    souhaite dans en sur sous pour par avec sans chez vers entre ne pas plus jamais rien se sa son
    ses bonjour bonsoir salut coucou merci svp stp oui ouais non si très bien bon bonne déjà encore
    aussi toujours comment quand pourquoi combien beaucoup peu trop tout tous toute toutes autre même
    comme aujourd hui demain hier ici là commande commandé colis livraison livré remboursement retour
    paiement payer carte adresse prix taille couleur disponible suivi annuler changer produit acheter
    envoyer reçu arrivé cassé manquant problème aide aider besoin parler quelqu conseiller madame
    monsieur accord voilà alors après avant depuis jusqu vraiment personne chose jour jours semaine
    heure
    gratuit gratuite
  `),
  es: list(`
    el la los las lo un una unos unas de del al y e o u pero que qué me mi mis tu tú tus te su sus se
    nos yo él ella ellos ellas usted ustedes es son está están estoy estás ser estar fue era he ha han
    hay hemos tengo tiene tienen tienes puedo puedes puede pueden podría quiero quiere quisiera quería
    necesito en con por para sin sobre entre hasta desde como cómo cuando cuándo donde dónde porque
    hola gracias buenas buenos días tardes noches favor sí no muy ya le les este esta esto ese esa
    eso aquí allí ahora hoy mañana ayer también todavía siempre nunca nada algo todo todos mucho
    muchas poco más menos bien mal bueno vale claro pedido pedidos envío enviar entrega devolución
    reembolso pago pagar tarjeta dirección precio talla disponible seguimiento cancelar cambiar
    producto comprar recibido llegado roto falta problema ayuda ayudar hablar alguien cuánto cuál
    quién otra otro mismo adiós perdón disculpa señor señora día semana hora
    gratis gratuito
  `),
  de: list(`
    der die das den dem des ein eine einen einem einer eines und oder aber sondern ich mich mir mein
    meine meinen meiner du dich dir dein deine er sie es ihr ihm ihn ihnen wir uns unser unsere euch
    euer ist sind bin bist war waren sein haben habe hast hat hatte kann kannst können könnte möchte
    möchten will wollen muss müssen soll sollte wird werden wurde würde nicht kein keine keinen ja
    nein doch auch noch schon sehr gut gerne gern danke bitte hallo guten morgen tag abend tschüss
    servus moin grüß gott wie was wo wann warum wer welche welcher welches wieso woher wohin mit von
    zu zum zur bei für auf aus nach im am an um über unter vor ohne gegen durch bis seit dass wenn
    weil ob als so dann jetzt heute gestern hier dort da mal nur mehr viel viele alle alles etwas
    nichts man bestellung bestellt lieferung geliefert versand paket rücksendung rückerstattung
    zahlung bezahlen karte adresse preis größe farbe verfügbar stornieren ändern produkt artikel
    kaufen gekauft schicken erhalten angekommen kaputt fehlt hilfe helfen sprechen jemand
    mitarbeiter frau herr entschuldigung leider vielen dank
    gratis kostenlos
  `),
  it: list(`
    il lo la i gli le un uno una di del della dei degli delle da dal dalla in nel nella con su sul
    sulla per tra fra al alla e ed o ma però che chi cosa come dove quando perché quanto quale io mi
    me mio mia miei tu ti te tuo tua lui lei noi ci nostro nostra voi vi vostro loro si è sono sei
    siamo siete ero era stato stata essere ho hai ha abbiamo avete hanno avere posso puoi può
    possiamo vorrei voglio vuole devo deve non sì no anche ancora già sempre mai molto poco più meno
    tutto tutti bene male buono buona grazie prego ciao buongiorno buonasera arrivederci salve scusa
    scusi favore oggi domani ieri qui qua lì adesso ora allora quindi poi dopo prima ordine ordinato
    spedizione consegna reso rimborso pagamento pagare carta indirizzo prezzo taglia colore
    disponibile tracciamento annullare cambiare prodotto comprare acquistare ricevuto arrivato rotto
    manca problema aiuto aiutare parlare qualcuno operatore signore signora giorno giorni settimana
    questo questa quello quella niente qualcosa fatto fare
    gratis gratuito gratuita
  `),
  pt: list(`
    o a os as um uma uns umas de do da dos das no na nos nas em ao aos à às e ou mas que quê eu me
    meu minha meus minhas você vocês tu te teu tua ele ela eles elas nós nosso nossa seu sua seus
    suas se lhe é são está estão estou sou foi era ser estar tem têm tenho temos ter há posso pode
    podem poderia quero queria gostaria preciso com sem por para pelo pela sobre entre até desde
    como quando onde porque olá oi obrigado obrigada bom dia boa tarde noite favor sim não muito
    muita já também ainda sempre nunca nada algo tudo todos mais menos bem mal aqui ali agora hoje
    amanhã ontem isso isto esse essa este esta aquele pedido pedidos encomenda envio entrega
    devolução reembolso pagamento pagar cartão endereço preço tamanho cor disponível rastreamento
    rastreio cancelar mudar trocar produto comprar recebi recebido chegou quebrado falta problema
    ajuda ajudar falar alguém atendente senhor senhora dias semana hora então depois antes tchau
    frete grátis gratuito
  `),
  nl: list(`
    de het een en of maar dat die dit deze wat wie waar wanneer waarom hoe welke ik mij me mijn jij
    je jou jouw u uw hij zij ze haar hem wij we ons onze jullie hun is zijn ben bent was waren heb
    hebt heeft hebben had kan kun kunt kunnen kon zou zouden wil wilt willen moet moeten mag mogen
    zal zullen wordt worden werd niet geen ja nee wel ook nog al erg heel goed graag dank dankjewel
    dankuwel bedankt alsjeblieft alstublieft hallo hoi goedemorgen goedemiddag goedenavond dag doei
    tot ziens met van voor naar in op aan bij uit over onder tussen zonder door sinds om als omdat
    dan nu vandaag morgen gisteren hier daar er alleen meer veel alle alles iets niets iemand
    bestelling besteld levering geleverd verzending verzonden pakket pakje retour terugbetaling
    betaling betalen kaart adres prijs maat kleur beschikbaar annuleren wijzigen veranderen product
    artikel kopen gekocht sturen ontvangen aangekomen kapot ontbreekt probleem hulp helpen spreken
    praten medewerker meneer mevrouw week uur even
    gratis
  `),
  pl: list(`
    i w z na do nie tak się że to jest są być był była było ja mnie mi mój moja moje ty ciebie cię
    twój twoja on ona ono my nas nasz nasza wy was wasz oni one ich jego jej czy co kto gdzie kiedy
    dlaczego jak jaki jaka jakie który która które ile a ale albo lub oraz też także jeszcze już
    bardzo dobrze dobry dobra dzień cześć witam dziękuję dzięki proszę przepraszam widzenia mam masz
    ma mamy macie mają mogę może możesz możemy chcę chce chciałbym chciałabym potrzebuję od dla po
    przez przed za pod nad bez u o przy między tylko więcej dużo mało wszystko wszyscy coś nic ktoś
    teraz dziś dzisiaj jutro wczoraj tutaj tam zamówienie zamówiłem zamówiłam dostawa przesyłka
    paczka zwrot płatność zapłacić karta adres cena rozmiar kolor dostępny anulować zmienić produkt
    kupić kupiłem wysłać otrzymałem dotarła zepsuty brakuje problem pomoc pomóc rozmawiać konsultant
    pan pani tydzień godzina dni
    darmowa darmowy
  `),
};

/** Said the same in every language (or as chat shorthand everywhere): never a cue. */
export const UNIVERSAL = new Set(['ok', 'okay', 'oke', 'lol', 'hi', 'bye', 'sorry', 'paypal', 'email', 'mail', 'online', 'ah', 'oh', 'eh', 'hm']);
