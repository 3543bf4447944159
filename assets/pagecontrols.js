// Two small page behaviours with no server round trip:
// - a date typed into the date picker counts when the field loses focus (a click elsewhere),
//   as it already does on Enter or Tab: the picker commits its text on a Tab key, so one is
//   sent to the field it left;
// - the "Filters" button opens and closes the filter drawer on a phone screen.
(function () {
  'use strict';

  document.addEventListener('focusout', function (event) {
    var field = event.target;
    if (!field.matches || !field.matches('.dash-datepicker-start-date, .dash-datepicker-end-date')) { return; }
    field.dispatchEvent(new KeyboardEvent('keydown', {key: 'Tab', code: 'Tab', bubbles: true}));
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('#filters-toggle, #filters-close');
    if (!button) { return; }
    var open = document.body.classList.toggle('filters-open');
    var toggle = document.getElementById('filters-toggle');
    if (toggle) { toggle.setAttribute('aria-expanded', open ? 'true' : 'false'); }
  });
}());
