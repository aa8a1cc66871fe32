/* Gameball "pay with points": fills the plugin's redemption boxes once the page has loaded (and boxes the
   one-page checkout inserts later), applies and removes points, and names the order totals line the points'
   gift card makes. After a change the cart and the confirm page reload (nopCommerce renders the totals, the
   payment step and the order from the cart on the server); the one-page checkout's confirm step cannot reload
   (its checkout would start again at the first step), so there the order totals nopCommerce renders replace
   the step's own, as nopCommerce's cart does after a checkout attribute changes. Plain JavaScript. */
(function () {
  'use strict';
  if (window.gameballPointsRedemption) { return; }
  window.gameballPointsRedemption = true;

  var BOX = '[data-gameball-redemption]';
  var ONE_PAGE_CONFIRM = '#checkout-confirm-order-load';
  var seen = new WeakSet();
  var styles = null;
  var named = null; // the last answer with points applied: its totals line is named again whenever nopCommerce re-renders the totals

  function loadStyles(href) {
    if (!styles && href) {
      styles = true;
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      document.head.appendChild(link);
    }
  }

  function part(box, cls) { return box.querySelector('.' + cls); }

  // a localized sentence with its numbers, each isolated so it reads right in a right-to-left page
  function fill(el, t) {
    el.textContent = '';
    if (!t) { return; }
    var pieces = String(t.text).split(/\{(\d)\}/);
    for (var i = 0; i < pieces.length; i++) {
      if (i % 2 === 0) {
        if (pieces[i]) { el.appendChild(document.createTextNode(pieces[i])); }
      } else {
        var bdi = document.createElement('bdi');
        bdi.textContent = (t.args || [])[parseInt(pieces[i], 10)] || '';
        el.appendChild(bdi);
      }
    }
  }

  function show(el, visible) { if (el) { el.hidden = !visible; } }

  // the gift card row of the order totals that is the points: labelled as points, without its code and remainder
  function nameTotalsLine(data) {
    if (!data || !data.code) { return; }
    named = data;
    var rows = document.querySelectorAll('table.cart-total tr.giftcard-summary');
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      if (row.textContent.indexOf(data.code) < 0) { continue; }
      row.classList.add('gameball-points-redeemed');
      var label = row.querySelector('td.cart-total-left label');
      if (label) { label.textContent = data.lineLabel + ':'; }
      var spans = row.querySelectorAll('td.cart-total-left span');
      for (var j = 0; j < spans.length; j++) {
        if (spans[j].textContent.indexOf(data.code) >= 0) { spans[j].classList.add('gameball-points-code'); }
      }
    }
  }

  function render(box, data) {
    var message = part(box, 'gameball-redemption-message');
    show(message, false);
    if (!data || data.status === 'disabled' || data.status === 'empty') { box.hidden = true; return; }
    box.hidden = false;
    show(part(box, 'gameball-redemption-signin'), data.status === 'signin');
    if (data.status === 'signin') {
      part(box, 'gameball-redemption-signin-link').textContent = data.message;
      show(part(box, 'gameball-redemption-apply'), false);
      show(part(box, 'gameball-redemption-applied'), false);
      return;
    }

    fill(part(box, 'gameball-redemption-balance'), data.balance);
    fill(part(box, 'gameball-redemption-rules'), data.rules);
    var input = part(box, 'gameball-redemption-points');
    if (data.max > 0) {
      input.min = data.min;
      input.max = data.max;
    }

    if (!input.value) { input.value = data.appliedPoints || (data.canRedeem ? data.max : ''); }
    show(part(box, 'gameball-redemption-apply'), !!data.canRedeem || !!data.applied);
    show(part(box, 'gameball-redemption-applied'), !!data.applied);
    fill(part(box, 'gameball-redemption-applied-text'), data.applied);
    nameTotalsLine(data);
    if (data.status === 'error' && data.message) {
      message.textContent = data.message;
      show(message, true);
    }
  }

  // the box's own token; the enclosing form's (nopCommerce writes it at the form's end) if a theme dropped the attribute
  function token(box) {
    var own = box.getAttribute('data-antiforgery-token');
    if (own) { return own; }
    var form = box.closest('form');
    var field = form && form.querySelector('input[name="__RequestVerificationToken"]');
    return field ? field.value : '';
  }

  function busy(box, on) {
    var buttons = box.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = on; }
    box.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  // the points applied as the box last heard from the server: a change means new totals
  var applied = new WeakMap();
  function pointsOf(data) { return (data && data.appliedPoints) || 0; }

  function failed(box) { return { status: 'error', unanswered: true, message: box.getAttribute('data-failed') }; }

  function post(box, url, fields) {
    var before = applied.get(box);
    busy(box, true);
    var body = new URLSearchParams(fields);
    body.append('__RequestVerificationToken', token(box));
    fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' }, body: body })
      .then(function (response) { return response.ok ? response.json() : failed(box); })
      .catch(function () { return failed(box); })
      .then(function (data) {
        if (!data || data.unanswered) {
          // the box stays as it was, so the shopper can try again
          data = data || failed(box);
          busy(box, false);
          var message = part(box, 'gameball-redemption-message');
          message.textContent = data.message;
          show(message, true);
          return;
        }
        if (data && data.status === 'ok') { applied.set(box, pointsOf(data)); }
        if (data && data.status === 'ok' && pointsOf(data) !== before) {
          if (!box.closest(ONE_PAGE_CONFIRM)) {
            // the totals, the payment step and the order come from the cart: let nopCommerce render them again
            window.location.reload();
            return;
          }
          return refreshTotals(box).then(function (done) {
            if (!done) { window.location.reload(); return; }
            busy(box, false);
            render(box, data);
          });
        }
        busy(box, false);
        render(box, data);
      });
  }

  // the order totals nopCommerce renders for the cart now, in place of the box's order summary's totals
  function refreshTotals(box) {
    var footer = box.closest('.cart-footer');
    var current = footer && footer.querySelector('.total-info');
    var url = box.getAttribute('data-totals-url');
    if (!current || !url) { return Promise.resolve(false); }
    return fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .catch(function () { return null; })
      .then(function (html) {
        if (!html) { return false; }
        var template = document.createElement('template');
        template.innerHTML = html.trim();
        var fresh = template.content.querySelector('.total-info');
        if (!fresh) { return false; }
        current.replaceWith(fresh);
        return true;
      });
  }

  function wire(box) {
    if (seen.has(box)) { return; }
    seen.add(box);
    loadStyles(box.getAttribute('data-css'));
    part(box, 'gameball-redemption-apply-button').addEventListener('click', function () {
      var points = parseInt(part(box, 'gameball-redemption-points').value, 10);
      if (!(points > 0)) { return; }
      post(box, box.getAttribute('data-apply-url'), { points: String(points) });
    });
    // the box sits inside the cart's form: Enter applies the points instead of submitting the cart
    part(box, 'gameball-redemption-points').addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        part(box, 'gameball-redemption-apply-button').click();
      }
    });
    part(box, 'gameball-redemption-remove-button').addEventListener('click', function () {
      post(box, box.getAttribute('data-remove-url'), {});
    });
    fetch(box.getAttribute('data-state-url'), { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; })
      .then(function (data) { applied.set(box, pointsOf(data)); render(box, data); });
  }

  function scan() {
    var boxes = document.querySelectorAll(BOX);
    for (var i = 0; i < boxes.length; i++) { wire(boxes[i]); }
    if (named && document.querySelector('table.cart-total tr.giftcard-summary:not(.gameball-points-redeemed)')) { nameTotalsLine(named); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scan);
  } else {
    scan();
  }

  // the one-page checkout inserts its confirm step (with the order summary) after the page has loaded
  if (window.MutationObserver) {
    new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
