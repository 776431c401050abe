import type { SmallTalkLanguage } from './types.js';

export const es: SmallTalkLanguage = {
  lang: 'es',
  phrases: {
    greeting: ['hola', 'holi', 'holis', 'ola', 'buenas', 'buenos días', 'buenos dias', 'buen día', 'buen dia', 'buenas tardes', 'buenas noches', 'saludos', 'qué hay', 'hola hola', 'hay alguien', 'alguien ahí', 'alo', 'aló'],
    thanks: ['gracias', 'grax', 'grasias', 'muchas gracias', 'mil gracias', 'muchísimas gracias', 'gracias mil', 'te lo agradezco', 'se lo agradezco', 'no gracias', 'vale gracias', 'perfecto gracias', 'ok gracias'],
    bye: ['adiós', 'adios', 'chao', 'chau', 'hasta luego', 'hasta pronto', 'hasta mañana', 'nos vemos', 'que tengas un buen día', 'que tenga un buen día', 'feliz día', 'un saludo', 'saludos cordiales', 'hasta la próxima'],
    bot: ['eres un bot', 'eres un robot', 'es un bot', 'es un robot', 'usted es un robot', 'eres humano o robot', 'hablo con un bot', 'hablo con un robot', 'estoy hablando con un bot', 'estoy hablando con un robot', 'eres real', 'bot', 'robot'],
    ack: ['ok', 'okey', 'vale', 'va', 'de acuerdo', 'perfecto', 'genial', 'bien', 'muy bien', 'entendido', 'entiendo', 'listo', 'bueno', 'ya veo', 'estupendo', 'guay', 'vale perfecto', 'dale'],
    howAreYou: ['qué tal', 'que tal', 'cómo estás', 'como estas', 'cómo está', 'como esta', 'cómo está usted', 'qué onda', 'como va', 'cómo va', 'todo bien', 'cómo te va', 'que pasa'],
  },
  fillers: ['a', 'todos', 'todas', 'muchas', 'mucho', 'muy', 'señor', 'señora', 'equipo', 'chicos', 'amigo', 'amiga', 'de', 'nuevo', 'otra', 'vez', 'y', 'oh', 'ah', 'pues', 'usted', 'ustedes', 'tú', 'tu'],
  replies: {
    greeting: ['¡Hola! ¿En qué puedo ayudarte?', '¡Hola! 👋 ¿Qué puedo hacer por ti?', '¡Buenas! Pregúntame lo que necesites.'],
    thanks: ['¡De nada! ¿Puedo ayudarte en algo más?', 'Un placer. ¿Algo más?', '¡Encantado de ayudar! Si tienes otra pregunta, aquí estoy.'],
    bye: ['¡Adiós y que tengas un buen día!', '¡Hasta pronto! Vuelve cuando quieras.', 'Gracias por tu visita, ¡hasta la próxima!'],
    bot: [
      'Sí, soy el asistente automático de la tienda. Respondo al momento las preguntas frecuentes, y una persona del equipo puede seguir si lo necesitas.',
      'Soy un bot, sí: conozco las respuestas a las preguntas frecuentes. Para lo demás, te responderá una persona del equipo.',
    ],
    ack: ['¡Perfecto! ¿Algo más?', 'Muy bien. Aquí estoy si tienes alguna pregunta.', '¡Vale! ¿Qué más puedo hacer por ti?'],
    howAreYou: ['¡Muy bien, gracias! ¿En qué puedo ayudarte?', 'Todo bien por aquí, ¡gracias por preguntar! ¿Qué necesitas?', 'Bien, gracias. ¿Cuál es tu pregunta?'],
  },
};
