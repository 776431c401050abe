// English shop vocabulary for the analyser: see ./index.ts for what each part is for.
import type { Lexicon } from './types.js';

export const EN: Lexicon = {
  spellings: {
    u: 'you', ya: 'you', yu: 'you', ur: 'your', yr: 'your', r: 'are', pls: 'please', plz: 'please', pleas: 'please',
    thx: 'thanks', thanx: 'thanks', ty: 'thank you', tnx: 'thanks', wanna: 'want to', gonna: 'going to',
    gotta: 'got to', im: 'i am', ive: 'i have', dont: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'can not',
    cannot: 'can not', wont: 'will not', isnt: 'is not', havent: 'have not', hasnt: 'has not', wasnt: 'was not',
    arent: 'are not', couldnt: 'could not', idk: 'i do not know', coz: 'because', cuz: 'because', b4: 'before',
    acct: 'account', acc: 'account', pwd: 'password', pw: 'password', passwd: 'password', addr: 'address',
    info: 'information', msg: 'message', pkg: 'package', asap: 'soon', n: 'and', w: 'with', abt: 'about',
    whats: 'what is', wheres: 'where is', never: 'not', hows: 'how is', thats: 'that is', ok: 'okay', k: 'okay',
  },
  filler: `help helps helping helped assist assistance assisting need needs needed want wants wanted would like
    try tries trying tried attempt able possible please could can may might tell show let know sure question
    questions hi hello hey dear sir madam thanks thank regards way something anything thing things guys okay
    damn goddamn bloody fucking fuckin fuck freaking frigging shit shitty crap crappy effing hell really
    actually currently just soon anybody do does did doing done going go gonna will shall us up`,
  // The last lines: function words (time, place, pronouns, auxiliaries, numbers, conjunctions).
  common: `time times place new make made way thing life day days year years people world good bad great best better
    first last long little own other old right big high different small large next early young important few
    same able work part number case point week month world home man woman child friend family today tomorrow
    yesterday now current real really think feel lot much many more most less some any every all
    day night morning evening name thing true false kind sort type yes no take takes taking took give
    gives put keep come comes happen happens happened
    keeps kept before after since until while during always ever never too very quite rather pretty only even
    instead back one two three four five ten hundred myself yourself himself herself itself ourselves
    themselves yours ours theirs everyone anyone nobody everything nothing somewhere anywhere nowhere whenever
    whatever whoever however though although because unless whether either neither both each such monday
    tuesday wednesday thursday friday saturday sunday weekend tonight afternoon ago later earlier recently
    basically literally seriously honestly absolutely definitely probably maybe perhaps yeah yep nope oh ah um
    step steps explain says saying`,
  phrases: {
    'where is': 'whereis', 'where are': 'whereis', 'where s': 'whereis', 'email address': 'email',
    'e mail address': 'email', 'phone number': 'phone', 'customer service': 'custserv', 'customer support': 'custserv', 'customer care': 'custserv',
    'customer assistance': 'custserv', 'customer services': 'custserv', 'support team': 'custserv',
    'help desk': 'custserv', 'helpdesk': 'custserv', 'service client': 'custserv',
    'money back': 'refund', 'how long': 'duration', 'how soon': 'duration',
    'how many days': 'duration', 'how much time': 'duration', 'how much': 'cost', 'sign up': 'register',
    'signup': 'register', 'log in': 'login', 'log on': 'login', 'sign in': 'login', 'signin': 'login',
    'logon': 'login', 'get in touch': 'contact', 'reach out': 'contact', 'set up': 'setup',
    'mailing list': 'newsletter', 'opt out': 'unsubscribe', 'e mail': 'email', 'pick up': 'pickup',
    'click and collect': 'pickup', 'opening hours': 'openhours', 'opening times': 'openhours',
    'business hours': 'openhours', 'check out': 'checkout', 'gift card': 'giftcard',
    'gift voucher': 'giftcard', 'gift certificate': 'giftcard', 'promo code': 'promo', 'discount code': 'promo',
    'not work': 'problem', 'go through': 'through', 'went through': 'through', 'sold out': 'outofstock',
    'out of stock': 'outofstock', 'back in stock': 'instock', 'in stock': 'instock',
    'close account': 'delete account', 'close my account': 'delete account', 'cancel account': 'delete account',
    'cancel my account': 'delete account', 'open account': 'create account', 'open an account': 'create account',
    'open a new account': 'create account', 'new account': 'create account',
  },
  synonyms: `
    invoice bill receipt
    refund reimbursement reimburse repayment repay restitution
    parcel package packet
    ship shipping shipment deliver delivery dispatch
    order purchase buy bought
    pay payment paid checkout
    account profile user
    password passcode passphrase
    cancel cancellation terminate termination
    change modify edit update amend alter correct
    delete remove erase
    complaint complain grievance
    review feedback opinion rating testimonial comment
    problem issue trouble error bug glitch fail failure decline reject refuse
    cost fee charge price penalty
    method option mode modality
    contact reach
    phone telephone call ring
    email mail
    subscribe subscription unsubscribe
    track trace
    register registration enroll enrol
    damaged broken cracked smashed shattered chipped
    duration period timeframe eta
    promo coupon discount
    size dimension measurement
    check see look view find consult
    information details data particulars
    request demand
    accept allow`,
};
