// Small page behaviours with no server round trip (typed dates: datefields.js):
// - the "Filters" button opens and closes the filter drawer on a phone screen, "Details" the
//   details drawer, which also opens by itself when a sighting is selected (a map click on a
//   phone answers on screen, not below the map);
// - Enter on a row of the sightings table selects it, as Space does, so its details open;
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

  var shownDetails = null;   // the details panel's text last seen: a change is a new selection
  function followDetails() {
    var details = document.getElementById('details');
    if (!details) { return; }
    var text = details.textContent;
    if (shownDetails !== null && text !== shownDetails) { setDrawer('details', true); }
    shownDetails = text;
  }

  function setDrawer(name, open) {
    document.body.classList.toggle(name + '-open', open);
    var toggle = document.getElementById(name + '-toggle');
    if (toggle) { toggle.setAttribute('aria-expanded', open ? 'true' : 'false'); }
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    requestAnimationFrame(function () { pending = false; labelControls(); nameUploads(); followDetails(); });
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest(
      '#filters-toggle, #filters-close, #details-toggle, #details-close');
    if (!button) { return; }
    var name = button.id.split('-')[0];
    var open = button.id.endsWith('-close') ? false : !document.body.classList.contains(name + '-open');
    setDrawer(name, open);
  });

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || !event.target.closest) { return; }
    var row = event.target.closest('#table .ag-row');
    if (!row || !window.dash_ag_grid || !window.dash_ag_grid.getApi) { return; }
    var api = window.dash_ag_grid.getApi('table');
    var node = api && api.getRowNode(row.getAttribute('row-id'));
    if (node) { node.setSelected(true, true); event.preventDefault(); }
  });
}());
