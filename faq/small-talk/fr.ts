import type { SmallTalkLanguage } from './types.js';

export const fr: SmallTalkLanguage = {
  lang: 'fr',
  phrases: {
    greeting: ['bonjour', 'bjr', 'bonsoir', 'bsr', 'salut', 'slt', 'coucou', 'cc', 'allo', 'allô', 'hello', 'yo', 're', 'rebonjour', 're bonjour', 'bonjour à vous', 'il y a quelqu un', 'y a quelqu un', 'quelqu un'],
    thanks: ['merci', 'mrc', 'mci', 'merci beaucoup', 'merci bcp', 'merci d\'avance', 'merci par avance', 'merci bien', 'mille mercis', 'je vous remercie', 'je te remercie', 'non merci', 'top merci', 'parfait merci', 'super merci'],
    bye: ['au revoir', 'aurevoir', 'a plus', 'à plus', 'à bientôt', 'a bientot', 'bonne journée', 'bonne soirée', 'bonne fin de journée', 'bonne nuit', 'bye', 'ciao', 'tchao', 'salut à plus', 'cordialement', 'bien cordialement', 'à la prochaine'],
    bot: ['tu es un robot', 't\'es un robot', 'tu es un bot', 't\'es un bot', 'vous êtes un robot', 'vous êtes un bot', 'êtes vous un robot', 'es tu un robot', 'c\'est un robot', 'c\'est un bot', 'je parle à un robot', 'je parle à un bot', 'est ce un robot', 'est ce que vous êtes un robot', 'est ce que tu es un robot', 'robot'],
    ack: ['ok', 'okay', 'oki', 'okk', 'd\'accord', 'dac', 'dacc', 'ok d\'accord', 'ça marche', 'ca marche', 'entendu', 'parfait', 'super', 'génial', 'top', 'nickel', 'cool', 'très bien', 'tres bien', 'ah ok', 'je vois', 'compris', 'bien reçu', 'ok super', 'ok merci'],
    howAreYou: ['ça va', 'ca va', 'comment ça va', 'comment ca va', 'comment allez vous', 'comment vas tu', 'vous allez bien', 'tu vas bien', 'ça roule', 'quoi de neuf', 'la forme'],
  },
  fillers: ['à', 'a', 'tous', 'toutes', 'tout', 'le', 'la', 'les', 'monde', 'madame', 'monsieur', 'mme', 'mr', 'vous', 'toi', 'beaucoup', 'bien', 'encore', 'fois', 'equipe', 'équipe', 'l', 'team', 'gens', 'cher', 'chère', 'infiniment', 'et', 'alors', 'bon', 'oh', 'ah', 'eh'],
  replies: {
    greeting: ['Bonjour ! Comment puis-je vous aider ?', 'Bonjour 👋 Que puis-je faire pour vous ?', 'Bonjour ! Posez-moi votre question, je suis là pour vous aider.'],
    thanks: ['Avec plaisir ! Puis-je vous aider pour autre chose ?', 'Je vous en prie. Autre chose ?', 'Ravi d\'avoir pu aider ! N\'hésitez pas si vous avez une autre question.'],
    bye: ['Au revoir et bonne journée !', 'À bientôt ! Revenez quand vous voulez.', 'Merci de votre visite, à bientôt !'],
    bot: [
      'Oui, je suis l\'assistant automatique de la boutique. Je réponds tout de suite aux questions courantes, et une personne de l\'équipe peut prendre le relais si besoin.',
      'Je suis un robot, oui : je connais les réponses aux questions fréquentes. Pour le reste, une personne de l\'équipe vous répondra.',
    ],
    ack: ['Très bien ! Autre chose ?', 'Parfait. Je reste là si vous avez une question.', 'D\'accord ! Que puis-je faire d\'autre pour vous ?'],
    howAreYou: ['Très bien, merci ! Et comment puis-je vous aider ?', 'Ça va bien, merci de demander ! Que puis-je faire pour vous ?', 'Tout va bien de mon côté. Quelle est votre question ?'],
  },
};
