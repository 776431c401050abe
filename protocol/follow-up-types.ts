// Follow-ups on the wire (type-only): what the widget shows a verified customer about their order
// before they ask, and the stats that count them.

/** One follow-up, ready to show: the text is in the visitor's language, the link from the carrier's table. */
export interface FollowUp {
  eventId: string;
  orderNumber: string;
  status: 'confirmed' | 'shipped' | 'out_for_delivery' | 'delivered' | 'delayed' | 'cancelled';
  /** "Your order 48213 has shipped with Colissimo." */
  text: string;
  /** The carrier's tracking page, when the carrier is known and a tracking number was given. */
  link?: { url: string; label: string };
}

/** GET /api/admin/stats `followUps` (docs/numbers.md). */
export interface FollowUpStats {
  /** Follow-ups sent to a widget for the first time in the range. */
  sent: number;
  /** Follow-ups the widget displayed in the range. */
  shown: number;
  /** Order-status questions the same customer asked within 7 days after one was shown. */
  orderQuestionsAfter: number;
}
