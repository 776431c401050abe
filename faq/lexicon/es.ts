// Spanish shop vocabulary for the analyser: see ./index.ts for what each part is for.
import type { Lexicon } from './types.js';

export const ES: Lexicon = {
  spellings: {
    x: 'por', xfavor: 'por favor', porfavor: 'por favor', plis: 'por favor', pls: 'por favor', msj: 'mensaje', pa: 'para', xa: 'para', tmbn: 'tambien', toy: 'estoy', aki: 'aqui', kiero: 'quiero', komo: 'como', xk: 'porque', pk: 'porque', grax: 'gracias', ola: 'hola', bn: 'bien', nd: 'nada', ntp: 'no te preocupes',
    q: 'que', xq: 'porque', pq: 'porque', porq: 'porque', tb: 'tambien', tmb: 'tambien', xfa: 'por favor',
    porfa: 'por favor', pf: 'por favor', d: 'de', k: 'que', info: 'informacion', dnd: 'donde', cdo: 'cuando',
  },
  filler: `ayuda ayudar ayudarme ayudeme necesito necesitaria quiero queria quisiera querria gustaria puedo puede
    pueden podria podrian podeis saber se decir pregunta favor hola buenas buenos gracias senor senora
    cuanto cuanta cuantos cuantas mierda joder puta coño hostia realmente solo actualmente algo cosa hacer hago hace`,
  // The last lines: function words (time, place, pronouns, auxiliaries, numbers, conjunctions).
  common: `tiempo vez lugar nuevo nueva hacer hecho cosa vida dia dias ano anos gente mundo bueno buena malo grande
    pequeno primero ultimo largo otro viejo mismo importante semana mes casa hombre mujer nino amigo familia
    hoy manana ayer ahora verdad pensar mucho mas menos todo todos tipo si no
    tengo tienes tiene tenemos teneis tienen tener tenia tuve desde hasta antes despues durante mientras
    entonces luego aun todavia siempre nunca jamas tambien tampoco poco bastante demasiado aqui ahi alli alla
    aca dice dicen dijo digo va vas vamos van voy ir iba hice hizo hicieron haceis intento
    intentado intentando paso pasa pasado pasar poner pone normal sobre entre contra segun mal bien mejor peor
    alguno alguna algunos algunas algun ninguno ninguna ningun cual cuales vuestra vuestro vuestras vuestros
    nuestra nuestro vosotros vosotras nosotros ellos ellas ella ello aquello estos estas ese esos esas toda
    todas propio propia posible aparte casi sola solamente incluso ademas pues aunque lunes martes miercoles
    jueves viernes sabado domingo sabados domingos fin finde noche dos tres cuatro cinco diez cien mil primera
    tercera vale ok okey claro oye vaya venga estamos estais estaba estuve soy eres somos sois era fue sido
    haber has hemos habeis habia hubo haya quede quedo quedan queda quedar volver vuelvo vuelve continuar real
    entiende entiendo sirve sirven usan
    pasos explican explicar explicame definitivamente normalmente nada`,
  phrases: {
    'donde esta': 'whereis', 'donde estan': 'whereis', 'atencion al cliente': 'custserv', 'servicio al cliente': 'custserv', 'servicio de atencion': 'custserv',
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
    factura
    empresa sociedad
    abierto abrir abre abren abris
    sabado sabados domingo domingos finde
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
    gastos coste costo precio tarifa cargo comision cuesta cuestan costar
    metodo forma opcion medio modo
    contactar comunicarme
    boletin newsletter
    seguimiento rastrear rastreo
    direccion domicilio
    roto rota danado estropeado
    horario horarios`,
};
