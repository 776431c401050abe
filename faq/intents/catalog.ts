// The built-in library of shop intents: the questions nearly every online shop is asked, each
// with many phrasings per language (./<lang>.ts), written as shoppers type them. A merchant's FAQ
// entry is linked to the intents it answers (its `intent` field, or matched from its own
// sentences: ./link.ts); the linked intents' phrasings then count as more ways of asking that
// entry, so a FAQ with one question per entry answers like one with dozens.
//
// The meaning of each intent is its scope: phrasings go under the intent whose meaning covers
// them, and a merchant's entry about that thing links to it.
export const INTENTS = {
  // orders
  place_order: { topic: 'orders', meaning: 'how to buy or place an order, how ordering on the site works' },
  track_order: { topic: 'orders', meaning: 'where an order is, its status, the tracking number or link, an order or parcel that has not arrived yet or is late' },
  cancel_order: { topic: 'orders', meaning: 'cancel an order already placed' },
  change_order: { topic: 'orders', meaning: 'modify an order already placed: add or remove an item, change size, colour or quantity' },
  order_confirmation: { topic: 'orders', meaning: 'no order confirmation e-mail received, whether an order went through' },
  // delivery
  delivery_options: { topic: 'delivery', meaning: 'the shipping methods offered (standard, express, pickup point, click and collect), countries delivered to, what shipping costs' },
  delivery_period: { topic: 'delivery', meaning: 'how long delivery takes, when an order will arrive, delivery days' },
  change_shipping_address: { topic: 'delivery', meaning: 'change the delivery address of an order already placed (wrong address, moved)' },
  set_up_shipping_address: { topic: 'delivery', meaning: 'add, save or edit a delivery address in the account for future orders' },
  // returns and refunds
  return_item: { topic: 'returns', meaning: 'how to send an item back, the return label, the return window, whether returns are free' },
  exchange_item: { topic: 'returns', meaning: 'exchange an item for another size, colour or model' },
  check_refund_policy: { topic: 'returns', meaning: 'the refund policy: conditions and deadlines for getting money back' },
  get_refund: { topic: 'returns', meaning: 'ask for a refund of an order or item now' },
  track_refund: { topic: 'returns', meaning: 'a refund not received yet, when it will arrive, the status of a refund' },
  check_cancellation_fee: { topic: 'orders', meaning: 'whether cancelling an order costs a fee, and how much' },
  // payment and invoices
  check_payment_methods: { topic: 'payment', meaning: 'which payment methods are accepted (card, PayPal, Apple Pay, transfer, instalments)' },
  payment_issue: { topic: 'payment', meaning: 'a payment that failed or was declined, a card refused at checkout, being charged twice' },
  discount_code: { topic: 'payment', meaning: 'a promo or voucher code: where to enter it, why it does not work' },
  gift_card: { topic: 'payment', meaning: 'buying or using a gift card, its balance' },
  check_invoice: { topic: 'payment', meaning: 'view or find an invoice, questions about what an invoice says' },
  get_invoice: { topic: 'payment', meaning: 'receive, download or be sent a copy of an invoice (also a company invoice with VAT)' },
  // account
  create_account: { topic: 'account', meaning: 'sign up, open or register an account' },
  registration_problems: { topic: 'account', meaning: 'an error while signing up: e-mail already used, no confirmation e-mail, the form refuses' },
  edit_account: { topic: 'account', meaning: 'change account details: name, e-mail, phone number, profile' },
  delete_account: { topic: 'account', meaning: 'close or delete the account' },
  switch_account: { topic: 'account', meaning: 'switch to another account or change the account type (personal, business, premium)' },
  recover_password: { topic: 'account', meaning: 'a forgotten password, resetting it, unable to log in for that reason' },
  newsletter_subscription: { topic: 'account', meaning: 'subscribe to or unsubscribe from the newsletter or marketing e-mails' },
  privacy_data: { topic: 'account', meaning: 'personal data: what is kept, access to it, erasing it' },
  // complaints and feedback
  complaint: { topic: 'complaint', meaning: 'file a complaint, dissatisfied with the service or the shop' },
  damaged_item: { topic: 'complaint', meaning: 'an item that arrived broken, defective or damaged, a wrong item, an item missing from the parcel' },
  review: { topic: 'complaint', meaning: 'leave a review, feedback or a rating about products or the service' },
  // contact
  contact_customer_service: { topic: 'orders', meaning: 'how to reach customer service: phone number, e-mail address, hours' },
  contact_human_agent: { topic: 'orders', meaning: 'talk to a real person, a human agent, right now' },
  // products and shops
  product_availability: { topic: 'product', meaning: 'whether a product is in stock, when it will be back' },
  size_guide: { topic: 'product', meaning: 'which size to choose, the size chart, how items fit' },
  warranty: { topic: 'product', meaning: 'the product guarantee, repairs, after-sales service' },
  store_locations: { topic: 'product', meaning: 'physical shops: where they are, their opening hours' },
  product_info: { topic: 'product', meaning: 'what a product is made of, its dimensions or weight, how to care for it, where it is made' },
  prices_and_tax: { topic: 'payment', meaning: 'whether prices include VAT or customs duties, price changes, price matching' },
  gift_wrapping: { topic: 'orders', meaning: 'gift wrapping, a gift message, sending an order as a gift without the price' },
  loyalty_program: { topic: 'account', meaning: 'loyalty points, rewards, member discounts, referral of a friend' },
  wholesale: { topic: 'orders', meaning: 'buying in bulk or as a business or reseller, trade prices, quotes' },
  careers: { topic: 'orders', meaning: 'jobs at the shop, applying, internships, working with the shop as a partner or supplier' },
} as const satisfies Record<string, { topic: string; meaning: string }>;

export type IntentId = keyof typeof INTENTS;

/** One language's phrasings per intent (./fr.ts, ./es.ts…). */
export interface IntentPhrasings {
  lang: string;
  phrasings: Partial<Record<IntentId, string[]>>;
}
