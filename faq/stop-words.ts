// Words that say nothing about which FAQ entry is meant (articles, pronouns, auxiliaries,
// question words, greetings). Written in normalised form: lower case, no accents, apostrophes
// split ("qu'un" → "qu un"). Kept short on purpose: a word missing here only costs a little
// precision, a meaningful word listed here costs a match.
const list = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const STOP_WORDS: Record<string, Set<string>> = {
  en: list(`
    a an the i me my mine we us our you your it its is are was were be been am do does did
    have has had can could would should will shall may might must to of in on at for with from
    by about as into and or but if so than then that this these those there here what which who
    when where why how hi hello hey please thanks thank ok okay just also any some get got want
    wanted need like know tell yet still s t d ll m re ve im dont
  `),
  fr: list(`
    le la les l un une des du de d au aux et ou mais donc je j me m moi mon ma mes tu te t toi ton
    ta tes il elle on nous vous votre vos notre nos leur leurs ce cet cette ces c ca cela ceci qui
    que qu quoi quel quelle quels quelles est sont suis es etre ai as a avez avons ont fait faire
    peux peut pouvez puis pourriez pourrais voudrais voudrait veux veut souhaite souhaiterais dans
    en sur pour par avec sans ne pas n y se s sa son ses bonjour bonsoir salut merci svp stp oui
    comment quand pourquoi est-ce si tres bien deja encore
  `),
  es: list(`
    el la los las lo un una unos unas de del al a y o u pero que me mi mis tu tus te su sus se nos
    yo usted ustedes es son esta estan estoy ser he ha han hay puedo puedes puede pueden podria
    quiero quisiera queria necesito en con por para sin como cuando donde porque hola gracias
    buenas buenos dias tardes favor si muy ya le les este esto esa eso hace hay
  `),
  de: list(`
    der die das den dem des ein eine einen einem einer eines und oder aber ich mich mir mein meine
    meinen meinem meiner du dich dir dein deine sie ihr ihre ihnen ihrem es wir uns unser unsere
    ist sind bin war waren habe hat haben kann kannst konnen konnte konnten mochte will wollen zu
    zum zur im in an am auf aus bei mit nach von vor fur uber um wie wo wann was warum welche
    welcher welches hallo guten tag danke bitte ja noch schon auch so da denn gibt man
  `),
};
