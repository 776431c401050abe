/**
 * What the bot reads of a message: a 5,000-character message costs the
 * matcher ~50 ms, its first 500 characters ~5 ms, and a question is in there. Here, not in
 * bot/site-bot.ts, so the server thread can cut messages without loading the FAQ code.
 */
export const BOT_INPUT_MAX_CHARS = 500;
