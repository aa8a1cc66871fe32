/* Demo stand-in for the script of nopCommerce's _CheckoutAttributes partial: once the page is ready and on
   every change of a checkout attribute, the cart form is posted and the order totals that come back take
   the place of .total-info (jQuery .replaceWith). */
function demoCheckoutAttributeChange() {
  $.ajax({
    cache: false,
    url: '/cart/checkoutattributechange',
    data: $('#shopping-cart-form').serialize(),
    type: 'POST',
    success: function (data) {
      if (data.ordetotalssectionhtml) {
        $('.total-info').replaceWith(data.ordetotalssectionhtml);
      }
    }
  });
}

$(function () {
  demoCheckoutAttributeChange();
  $('#checkout_attribute_1').on('change', demoCheckoutAttributeChange);
});
