/* Demo stand-in for nopCommerce's wwwroot/js/public.onepagecheckout.js, reduced to what matters to the
   plugin: a step is saved with a jQuery POST of its form; the JSON answer names the next step's container
   (update_section.name) and brings its HTML (update_section.html), which goes in with jQuery .html(), and
   says which step to open (goto_section). Back only opens the previous step, without a request. */
var DemoCheckout = {
  order: ['billing', 'payment_method', 'payment_info', 'confirm_order'],
  current: null,

  open: function (section) {
    $('#checkout-steps > li').removeClass('active').children('.step').hide();
    $('#opc-' + section).addClass('allow active').children('.step').show();
    DemoCheckout.current = section;
  },

  back: function () {
    var at = DemoCheckout.order.indexOf(DemoCheckout.current);
    if (at > 0) { DemoCheckout.open(DemoCheckout.order[at - 1]); }
  },

  save: function (step, url, form) {
    $('#' + step + '-buttons-container button').prop('disabled', true);
    $.ajax({
      cache: false,
      url: url,
      data: $(form).serialize(),
      type: 'POST',
      success: DemoCheckout.applyStep,
      complete: function () { $('#' + step + '-buttons-container button').prop('disabled', false); },
      error: function () { alert('The demo checkout failed.'); }
    });
  },

  // nopCommerce's ConfirmOrder.save: a failed confirm step shows its message in an alert, a placed order goes on
  confirm: function () {
    $('#confirm-order-buttons-container button').prop('disabled', true);
    $.ajax({
      cache: false,
      url: '/checkout/OpcConfirmOrder/',
      type: 'POST',
      success: function (response) {
        if (response.error) {
          alert(response.message);
          return;
        }
        window.location = response.redirect;
      },
      complete: function () { $('#confirm-order-buttons-container button').prop('disabled', false); },
      error: function () { alert('The demo checkout failed.'); }
    });
  },

  applyStep: function (response) {
    if (response.update_section) {
      $('#checkout-' + response.update_section.name + '-load').html(response.update_section.html);
    }
    if (response.goto_section) {
      DemoCheckout.open(response.goto_section);
    }
  }
};
