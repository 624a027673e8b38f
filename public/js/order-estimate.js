// Progressive enhancement of an order form's cost estimate: the number typed
// in the quantity field updates "Cost estimate: …" as you type. Without this
// script the estimate is the server's, and the server computes the price
// again on Order whatever the page showed.
(function () {
  const estimate = document.querySelector('[data-estimate]')
  if (!estimate) return
  const input = document.getElementById(estimate.getAttribute('data-quantity-field'))
  if (!input) return
  const unit = Number(estimate.getAttribute('data-unit-cents'))
  const money = new Intl.NumberFormat(estimate.getAttribute('data-locale'), { style: 'currency', currency: 'EUR' })
  const template = estimate.getAttribute('data-template')
  // The field's own bound: beyond it the server refuses the order, so the estimate doesn't follow.
  const max = estimate.hasAttribute('data-quantity-max') ? Number(estimate.getAttribute('data-quantity-max')) : Infinity
  input.addEventListener('input', function () {
    if (!/^[0-9]{1,6}$/.test(input.value.trim())) return
    const quantity = Number(input.value.trim())
    if (quantity < 1 || quantity > max) return
    estimate.textContent = template.replace('{total}', money.format((unit * quantity) / 100))
  })
})()
