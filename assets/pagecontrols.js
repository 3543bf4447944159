// Small page behaviours with no server round trip (typed dates: datefields.js):
// - the "Filters" button opens and closes the filter drawer on a phone screen;
// - each control is named by its <label for=...>: Dash 4's dropdown names its button by its
//   value alone (aria-labelledby), the date picker its inputs by their placeholders
//   (aria-label) and radio/check lists are unnamed listboxes, so the label's id is put first in
//   their aria-labelledby ("Strait Tsugaru (12)", "Dates from"), and a dropdown's search box
//   says which options it searches; the upload's file input is named by its drop zone's text.
(function () {
  'use strict';

  function labelControls() {
    document.querySelectorAll('label[for]').forEach(function (label) {
      var target = document.getElementById(label.htmlFor);
      if (!target) { return; }
      label.id = label.id || label.htmlFor + '-label';
      var picker = target.closest('.dash-datepicker');
      var fields = picker ? picker.querySelectorAll('.dash-datepicker-input') : [target];
      fields.forEach(function (field) {
        var named = field.getAttribute('aria-labelledby') || '';
        if (named.split(' ')[0] === label.id) { return; }
        var own = picker ? field.id : named;        // a date field keeps its "from" / "to"
        field.setAttribute('aria-labelledby', (label.id + ' ' + own).trim());
      });
      var search = target.matches('.dash-dropdown') &&
        target.closest('.dash-dropdown-wrapper').querySelector('.dash-dropdown-search');
      if (search) { search.setAttribute('aria-label', 'Search the ' + label.textContent + ' options'); }
    });
  }

  function nameUploads() {
    document.querySelectorAll('.upload input[type=file]:not([aria-label])').forEach(function (input) {
      input.setAttribute('aria-label', input.closest('.upload').textContent.trim());   // the drop zone's words
    });
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    requestAnimationFrame(function () { pending = false; labelControls(); nameUploads(); });
  }).observe(document.documentElement, {childList: true, subtree: true});

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('#filters-toggle, #filters-close');
    if (!button) { return; }
    var open = document.body.classList.toggle('filters-open');
    var toggle = document.getElementById('filters-toggle');
    if (toggle) { toggle.setAttribute('aria-expanded', open ? 'true' : 'false'); }
  });
}());
