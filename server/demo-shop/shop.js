// Atelier Lune's own script: how a shop talks to Bulle (docs/javascript-api.md). It runs before
// /widget.js has loaded, so it starts with the one-line queue: calls made before the loader are
// kept and run, in order, when it arrives.
window.Bulle = window.Bulle || function () { (window.Bulle.q = window.Bulle.q || []).push(arguments); };

// A signed-in customer (demo data): the chat knows who is asking and about which orders. A real
// shop's server signs the identity (docs/javascript-api.md, identify); the demo server hands out a
// signed one at /demo/identity-token where it has it, and the page says it unsigned otherwise.
var customer = { email: 'claire.dubois@example.com', name: 'Claire Dubois', orders: ['48213', '48217'] };
fetch('/demo/identity-token')
  .then(function (r) { return r.ok ? r.json() : null; })
  .catch(function () { return null; })
  .then(function (signed) {
    Bulle('identify', signed && signed.signature
      ? { email: signed.email, name: signed.name, orders: signed.orders, signature: signed.signature }
      : customer);
  });

document.addEventListener('DOMContentLoaded', function () {
  var who = document.querySelector('[data-customer]');
  if (who) who.textContent = 'Signed in as ' + customer.name;

  // "Contact us" opens the chat instead of a mail form.
  document.querySelectorAll('[data-contact]').forEach(function (link) {
    link.addEventListener('click', function (e) {
      e.preventDefault();
      Bulle('open');
    });
  });

  // The checkout always fails here: the shop tells Bulle, whose rule offers help.
  var form = document.querySelector('form.checkout');
  if (form) form.addEventListener('submit', function (e) {
    e.preventDefault();
    var status = document.querySelector('[data-payment-status]');
    status.textContent = 'Your card was declined. Nothing was charged.';
    status.hidden = false;
    Bulle('track', 'checkout_failed', { step: 'payment', total: 62 });
  });
});
