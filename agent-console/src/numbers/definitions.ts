// What each number means, shown beside it on the dashboard (the same words as docs/numbers.md).
export const DEFINITIONS = {
  conversations: 'Conversations started in the range (UTC days, both ends included) that match the filters.',
  deflectionRate:
    'Settled by the bot: the bot gave at least one answer, the chat never went to a person, and the visitor marked no answer unhelpful — as a share of the conversations.',
  handoffs: 'Conversations that went to a person’s queue at least once (the visitor asked, or the bot stepped aside).',
  firstResponse: 'From the first hand-off to a person’s first reply; median (p50) and 90th percentile (nearest rank).',
  resolution: 'From the start of the conversation to the close that marked it resolved; p50 and p90 (nearest rank).',
  fcrRate:
    'First-contact resolution: of the conversations an agent closed, those closed as resolved whose customer (same browser, or an attached e-mail or order) did not write again within 7 days of the first close.',
  rating: 'The visitors’ ratings (1–5) of the conversations in the range: average, how many, and how many of each.',
  botPrecision: 'Of the bot’s answers that visitors rated with “Did this help?”, the share marked helpful.',
  unanswered: 'Questions the bot stepped aside on, or whose answer the visitor marked unhelpful, asked in the range.',
  followUps:
    'Order news the shop sent (shipped, delivered…) shown to its signed-in customer in the range, of those sent to their widget; then the order-status questions those customers still asked within 7 days after one was shown (all conversations: the filters do not apply).',
  byTag: 'Conversations by the tag the agent gave when closing (untagged ones are not counted here).',
  byLang: 'Conversations by their language.',
  faq: 'Each FAQ entry: how many times the bot gave it as an answer, and the visitors’ helpful / unhelpful votes.',
} as const;
