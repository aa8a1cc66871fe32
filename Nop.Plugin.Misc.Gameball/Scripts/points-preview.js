/* Gameball points preview: fills the plugin's hidden placeholders once the page has loaded.
   Plain JavaScript; listens to nopCommerce's jQuery events only when jQuery is there. */
(function () {
  'use strict';
  if (window.gameballPointsPreview) { return; }
  window.gameballPointsPreview = true;

  function render(el, data) {
    var text = el.querySelector('.gameball-points-text');
    if (data && data.show && text) {
      text.textContent = data.text;
      el.hidden = false;
    } else {
      el.hidden = true;
    }
  }

  function request(el, init) {
    init.credentials = 'same-origin';
    init.headers = { 'X-Requested-With': 'XMLHttpRequest' };
    return fetch(el.getAttribute('data-url'), init)
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { render(el, data); })
      .catch(function () { el.hidden = true; });
  }

  function quantityOf(productId) {
    var input = document.getElementById('product_enteredQuantity_' + productId);
    var quantity = input ? parseInt(input.value, 10) : 1;
    return quantity > 0 ? quantity : 1;
  }

  function refreshProduct(el) {
    var productId = el.getAttribute('data-product-id');
    var form = document.getElementById('product-details-form');
    var body = form ? new FormData(form) : new FormData();
    body.set('productId', productId);
    body.set('quantity', String(quantityOf(productId)));
    return request(el, { method: 'POST', body: body });
  }

  function refreshCart(el) {
    return request(el, { method: 'GET' });
  }

  function refreshAll() {
    document.querySelectorAll('[data-gameball-preview]').forEach(function (el) {
      if (el.getAttribute('data-gameball-preview') === 'cart') { refreshCart(el); } else { refreshProduct(el); }
    });
  }

  var timer = null;
  function refreshSoon() {
    clearTimeout(timer);
    timer = setTimeout(refreshAll, 300);
  }

  function start() {
    refreshAll();
    document.addEventListener('input', function (e) {
      if (e.target && e.target.id && e.target.id.indexOf('product_enteredQuantity_') === 0) { refreshSoon(); }
    });
    document.addEventListener('change', function (e) {
      if (e.target && e.target.id && e.target.id.indexOf('product_enteredQuantity_') === 0) { refreshSoon(); }
    });
    if (window.jQuery) {
      // nopCommerce announces new prices after an attribute change, and cart changes, through jQuery
      window.jQuery(document).on('product_attributes_changed', refreshSoon);
    }
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
