// Progressive enhancement only: every page works without this file.
// Password strength: says "medium" or "strong" as the user types a new password
// (the rule itself is in the hint, shown before typing; the server decides).
(function () {
  var SPECIALS = '#!.@_-/'
  function strength(value) {
    var allowed = /^[A-Za-z0-9#!.@_\-/]*$/.test(value)
    var complete = /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) &&
      value.split('').some(function (c) { return SPECIALS.indexOf(c) >= 0 })
    if (!allowed || !complete || value.length < 8) return null
    return value.length >= 10 ? 'strong' : 'medium'
  }
  document.querySelectorAll('[data-strength-for]').forEach(function (meter) {
    var input = document.getElementById(meter.getAttribute('data-strength-for'))
    if (!input) return
    input.addEventListener('input', function () {
      var level = strength(input.value)
      meter.textContent = level ? meter.getAttribute('data-template').replace('{strength}', meter.getAttribute('data-' + level)) : ''
    })
  })
})()
