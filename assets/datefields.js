// Typed dates in the date picker, with no server round trip:
// - a date typed into a field counts when the field loses focus (a click elsewhere), as it
//   already does on Enter or Tab: the picker commits its text on a Tab key, so one is sent to
//   the field it left;
// - text that is not a real YYYY-MM-DD date is refused in the field. Dash 4's picker would
//   drop it silently and show an empty field while the filter kept the old date; instead the
//   field gets back the date the filter uses, aria-invalid, and the message below the picker
//   (#<start field id>-message) names the typed text and the form expected. Typing again
//   clears the message;
// - a date after today is refused the same way, with a message saying so: the picker's last day
//   is today, and it would erase such a date silently.
(function () {
  'use strict';

  var FIELDS = '.dash-datepicker-start-date, .dash-datepicker-end-date';
  var committed = new WeakMap();   // field -> its text when focused: the date the filter uses
  var refused = new WeakMap();     // field -> the unreadable text last typed into it
  var restoring = false;

  function readable(text) {
    if (!text.trim()) { return true; }              // an empty field clears that end of the range
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
    if (!parts) { return false; }
    var day = new Date(Date.UTC(+parts[1], parts[2] - 1, +parts[3]));
    return day.getUTCMonth() === parts[2] - 1 && day.getUTCDate() === +parts[3];   // no 2022-02-30
  }

  function today() {
    var now = new Date();
    return now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0') + '-' +
      String(now.getDate()).padStart(2, '0');
  }

  function future(text) { return readable(text) && text.trim() !== '' && text.trim() > today(); }

  function refusable(text) { return !readable(text) || future(text); }

  function setText(field, text) {
    var setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    restoring = true;
    setter.call(field, text);
    field.dispatchEvent(new Event('input', {bubbles: true}));   // the picker's own state follows
    restoring = false;
  }

  function show(picker) {
    var fields = picker.querySelectorAll(FIELDS);
    var message = document.getElementById(fields[0].id + '-message');
    var notes = [];
    fields.forEach(function (field) {
      var text = refused.get(field);
      field.setAttribute('aria-invalid', text === undefined ? 'false' : 'true');
      if (message) { field.setAttribute('aria-describedby', message.id); }
      if (text !== undefined) {
        var kept = committed.get(field) || '';
        var still = ' The filter still uses ' + (kept ? kept : 'no ' + field.placeholder + ' date') + '.';
        notes.push(future(text)
          ? '“' + text + '” is after today (' + today() + '): the record holds no later sighting; type ' +
            'today or an earlier date, or clear the field for no end.' + still
          : '“' + text + '” is not a date: type the ' + field.placeholder + ' date as YYYY-MM-DD ' +
            '(e.g. 2022-03-15).' + still);
      }
    });
    if (message) { message.textContent = notes.join(' '); }
  }

  function refuse(field) {
    refused.set(field, field.value.trim());
    setText(field, committed.get(field) || '');
    show(field.closest('.dash-datepicker'));
  }

  function isField(target) { return target.matches && target.matches(FIELDS); }

  document.addEventListener('focusin', function (event) {
    if (isField(event.target)) { committed.set(event.target, event.target.value); }
  });

  document.addEventListener('input', function (event) {
    if (restoring || !isField(event.target) || !refused.has(event.target)) { return; }
    refused.delete(event.target);
    show(event.target.closest('.dash-datepicker'));
  });

  // before the picker sees Enter or Tab (capture): it would drop unreadable text silently
  document.addEventListener('keydown', function (event) {
    var field = event.target;
    if (restoring || !isField(field) || (event.key !== 'Enter' && event.key !== 'Tab') || !refusable(field.value)) {
      return;
    }
    event.stopPropagation();
    if (event.key === 'Enter') { event.preventDefault(); }
    refuse(field);
  }, true);

  document.addEventListener('focusout', function (event) {
    var field = event.target;
    if (!isField(field)) { return; }
    if (refusable(field.value)) { refuse(field); return; }
    field.dispatchEvent(new KeyboardEvent('keydown', {key: 'Tab', code: 'Tab', bubbles: true}));
  });
}());
