import type { SmallTalkLanguage } from './types.js';

export const pt: SmallTalkLanguage = {
  lang: 'pt',
  phrases: {
    greeting: ['olá', 'ola', 'oi', 'oie', 'bom dia', 'boa tarde', 'boa noite', 'e aí', 'alguém aí'],
    thanks: ['obrigado', 'obrigada', 'obg', 'brigado', 'brigada', 'muito obrigado', 'muito obrigada', 'valeu', 'não obrigado', 'ok obrigado'],
    bye: ['tchau', 'adeus', 'até logo', 'até mais', 'até breve', 'abraço', 'até a próxima'],
    bot: ['você é um bot', 'voce e um bot', 'você é um robô', 'és um bot', 'é um robô', 'estou falando com um robô'],
    ack: ['ok', 'beleza', 'blz', 'entendi', 'perfeito', 'ótimo', 'otimo', 'tá bom', 'ta bom', 'combinado', 'show'],
    howAreYou: ['tudo bem', 'tudo bom', 'como vai', 'como está', 'como estás', 'tudo certo'],
  },
  fillers: ['a', 'todos', 'muito', 'senhor', 'senhora', 'de', 'novo', 'e', 'pessoal'],
  replies: {
    greeting: ['Olá! Como posso ajudar?', 'Olá 👋 O que posso fazer por você?'],
    thanks: ['De nada! Posso ajudar em mais alguma coisa?', 'Por nada. Mais alguma coisa?'],
    bye: ['Até logo e tenha um ótimo dia!', 'Tchau! Volte quando quiser.'],
    bot: ['Sim, sou o assistente automático da loja. Respondo na hora às perguntas frequentes, e uma pessoa da equipe pode continuar se precisar.'],
    ack: ['Ótimo! Mais alguma coisa?', 'Certo. Estou aqui se tiver uma pergunta.'],
    howAreYou: ['Tudo bem, obrigado! Como posso ajudar?', 'Tudo ótimo por aqui! O que posso fazer por você?'],
  },
};
