/* Gameball points preview: fills the plugin's placeholders, those of the page and those that arrive later
   (one-page checkout steps, order totals that nopCommerce re-renders). One request per placeholder and state.
   Plain JavaScript; listens to nopCommerce's jQuery events only when jQuery is there. */
(function () {
  'use strict';
  // a second copy (jQuery runs the script tag of every inserted step) leaves the work to the first
  if (window.gameballPointsPreview) { return; }
  window.gameballPointsPreview = true;

  var PLACEHOLDER = '[data-gameball-preview]';
  var TOTALS = 'table.cart-total';
  var seen = new WeakSet();   // placeholders already asked for
  var states = new WeakMap(); // placeholder -> { ticket, data, row, signature }
  var carts = [];             // cart placeholders in the page
  var queue = [];
  var timer = null;
  var styles = null;

  function stateOf(el) {
    var state = states.get(el);
    if (!state) { state = { ticket: 0 }; states.set(el, state); }
    return state;
  }

  // the plugin's stylesheet, added to the head once; a preview shows when it has loaded (or failed)
  function loadStyles(href) {
    if (!styles) {
      styles = !href ? Promise.resolve() : new Promise(function (resolve) {
        var link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        link.onload = link.onerror = function () { resolve(); };
        document.head.appendChild(link);
      });
    }
    return styles;
  }

  function ask(url, init) {
    init.credentials = 'same-origin';
    init.headers = { 'X-Requested-With': 'XMLHttpRequest' };
    var answer = fetch(url, init)
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
    return Promise.all([answer, styles]).then(function (both) { return both[0]; });
  }

  function shows(data) { return !!(data && data.show); }

  // a block inside the placeholder: product pages, and the order summary of a theme without the totals table
  function showBlock(el, data) {
    var text = el.querySelector('.gameball-points-text');
    if (!text) { return; }
    text.textContent = shows(data) ? data.text : '';
    text.hidden = !shows(data);
  }

  function quantityOf(productId) {
    var input = document.getElementById('product_enteredQuantity_' + productId);
    var quantity = input ? parseInt(input.value, 10) : 1;
    return quantity > 0 ? quantity : 1;
  }

  function refreshProduct(el) {
    var productId = el.getAttribute('data-product-id');
    var form = el.closest('form') || document.getElementById('product-details-form');
    var body = form ? new FormData(form) : new FormData();
    body.set('productId', productId);
    body.set('quantity', String(quantityOf(productId)));
    var ticket = ++stateOf(el).ticket;
    ask(el.getAttribute('data-url'), { method: 'POST', body: body }).then(function (data) {
      if (stateOf(el).ticket === ticket) { showBlock(el, data); }
    });
  }

  // ---- order summary: a row of nopCommerce's totals table, next to its own reward points row ----

  function totalsOf(el) {
    var scope = el.closest('.totals') || el.parentNode;
    return scope ? scope.querySelector(TOTALS) : null;
  }

  // what the totals say, without the plugin's row: a re-rendered table that says the same is the same state
  function signatureOf(table, row) {
    var text = '';
    for (var i = 0; i < table.rows.length; i++) {
      if (table.rows[i] !== row) { text += table.rows[i].textContent + '|'; }
    }
    return text.replace(/\s+/g, ' ');
  }

  function newRow(el) {
    var row = document.createElement('tr');
    row.className = 'gameball-points-row';
    var left = row.insertCell();
    left.className = 'cart-total-left';
    var label = document.createElement('span');
    label.className = 'gameball-points-label';
    label.textContent = el.getAttribute('data-label') || '';
    var note = document.createElement('span');
    note.className = 'gameball-points-note';
    left.appendChild(label);
    left.appendChild(note);
    var right = row.insertCell();
    right.className = 'cart-total-right';
    var value = document.createElement('span');
    value.className = 'value-summary gameball-points-value';
    value.setAttribute('role', 'status');
    value.setAttribute('aria-live', 'polite');
    value.setAttribute('aria-atomic', 'true');
    right.appendChild(value);
    return row;
  }

  function fillRow(row, data) {
    var note = row.querySelector('.gameball-points-note');
    note.textContent = data.note || '';
    note.hidden = !data.note;
    row.querySelector('.gameball-points-value').textContent = data.value || data.text;
  }

  // puts the row (with what is known) into the current totals table of the placeholder
  function placeRow(el) {
    var state = stateOf(el);
    var table = totalsOf(el);
    if (!table) { showBlock(el, state.data); return; }
    if (!shows(state.data)) {
      if (state.row) { state.row.remove(); }
      return;
    }
    var body = table.tBodies[0] || table;
    if (!state.row) {
      // the live region goes in empty, then gets its text: screen readers announce the change
      state.row = newRow(el);
      body.appendChild(state.row);
      var row = state.row;
      requestAnimationFrame(function () { if (shows(state.data)) { fillRow(row, state.data); } });
      return;
    }
    if (state.row.parentNode !== body) { body.appendChild(state.row); }
    fillRow(state.row, state.data);
  }

  // every cart placeholder of one endpoint shares one request
  function refreshCarts(list) {
    var byUrl = {};
    list.forEach(function (el) {
      var url = el.getAttribute('data-url');
      (byUrl[url] = byUrl[url] || []).push(el);
    });
    Object.keys(byUrl).forEach(function (url) {
      var tickets = byUrl[url].map(function (el) {
        var state = stateOf(el);
        var table = totalsOf(el);
        state.signature = table ? signatureOf(table, state.row) : '';
        return ++state.ticket;
      });
      ask(url, { method: 'GET' }).then(function (data) {
        byUrl[url].forEach(function (el, i) {
          var state = stateOf(el);
          if (state.ticket !== tickets[i]) { return; }
          state.data = data;
          placeRow(el);
        });
      });
    });
  }

  // nopCommerce replaced the totals (checkout attributes, estimated shipping): the row goes back in at once,
  // and the preview is asked again only if the totals say something new
  function totalsReplaced() {
    var stale = [];
    carts = carts.filter(function (el) { return el.isConnected; });
    carts.forEach(function (el) {
      var state = stateOf(el);
      var table = totalsOf(el);
      if (!table) { return; }
      if (state.row && !table.contains(state.row)) { placeRow(el); }
      if (state.signature !== undefined && signatureOf(table, state.row) !== state.signature) { stale.push(el); }
    });
    if (stale.length) { refreshCarts(stale); }
  }

  // ---- finding placeholders, now and later ----

  function enqueue(el) {
    if (seen.has(el)) { return; }
    seen.add(el);
    queue.push(el);
  }

  function flush() {
    timer = null;
    var batch = queue.filter(function (el) { return el.isConnected; });
    queue = [];
    if (!batch.length) { return; }
    loadStyles(batch[0].getAttribute('data-css'));
    var cartBatch = [];
    batch.forEach(function (el) {
      if (el.getAttribute('data-gameball-preview') === 'cart') {
        carts.push(el);
        cartBatch.push(el);
      } else {
        refreshProduct(el);
      }
    });
    if (cartBatch.length) { refreshCarts(cartBatch); }
  }

  function hasMatch(node, selector) {
    return node.matches(selector) || (node.firstElementChild !== null && node.querySelector(selector) !== null);
  }

  // looks only at the nodes that were added; the work waits for the next tick so a burst is one batch
  function onMutations(records) {
    var totals = false;
    for (var i = 0; i < records.length; i++) {
      var added = records[i].addedNodes;
      for (var j = 0; j < added.length; j++) {
        var node = added[j];
        if (node.nodeType !== 1) { continue; }
        if (node.matches(PLACEHOLDER)) { enqueue(node); } else if (node.firstElementChild) { node.querySelectorAll(PLACEHOLDER).forEach(enqueue); }
        if (carts.length && hasMatch(node, TOTALS)) { totals = true; }
      }
    }
    if (totals) { totalsReplaced(); }
    if (queue.length && !timer) { timer = setTimeout(flush, 30); }
  }

  var productTimer = null;
  function refreshProductsSoon(productId) {
    clearTimeout(productTimer);
    productTimer = setTimeout(function () {
      document.querySelectorAll('[data-gameball-preview="product"]').forEach(function (el) {
        if (seen.has(el) && (!productId || el.getAttribute('data-product-id') === productId)) { refreshProduct(el); }
      });
    }, 300);
  }

  function onQuantity(e) {
    var id = e.target && e.target.id;
    if (id && id.indexOf('product_enteredQuantity_') === 0) { refreshProductsSoon(id.substring('product_enteredQuantity_'.length)); }
  }

  function start() {
    new MutationObserver(onMutations).observe(document.documentElement, { childList: true, subtree: true });
    document.querySelectorAll(PLACEHOLDER).forEach(enqueue);
    flush();
    document.addEventListener('input', onQuantity);
    document.addEventListener('change', onQuantity);
    if (window.jQuery) {
      // nopCommerce announces new prices after an attribute change through jQuery
      window.jQuery(document).on('product_attributes_changed', function () { refreshProductsSoon(null); });
    }
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
