// Overlay upload: every file chosen gets an answer from the server, and no stale one stays.
// - As soon as a file is chosen or dropped, the message under the map says it is being read:
//   the previous file's message (success or refusal) is gone before the new answer arrives;
//   the upload's last contents are cleared too, so the same file chosen again is read again
//   (dcc.Upload would not fire for contents equal to the last).
// - dcc.Upload drops a file over its max_size without a word (and the server's request cap
//   would refuse sending it anyway); for such a file its name and size are set on the
//   #upload-refused store, and the server answers with its refusal message. Files of any
//   other type or encoding are sent as they are and the server says why it refuses them.
// The size limit is the server's, read from the message element's data-max-bytes.
(function () {
  'use strict';

  var UPLOAD = 'upload';
  var MESSAGE = 'upload-message';
  var REFUSED = 'upload-refused';

  function chosen(files) {
    var file = files && files[0];
    var message = document.getElementById(MESSAGE);
    if (!file || !message || !(window.dash_clientside && window.dash_clientside.set_props)) { return; }
    // the last file's contents are forgotten, so that choosing the same file again reads it again
    window.dash_clientside.set_props(UPLOAD, {contents: null});
    window.dash_clientside.set_props(MESSAGE, {children: 'Reading ' + file.name + '\u2026'});
    var limit = Number(message.getAttribute('data-max-bytes'));
    if (limit && file.size > limit) {
      window.dash_clientside.set_props(REFUSED, {data: {name: file.name, size: file.size, at: Date.now()}});
    }
  }

  function inUpload(target) {
    return !!(target && target.closest && target.closest('#' + UPLOAD));
  }

  // Capture phase: seen before dcc.Upload's own handlers, which are left to run unchanged.
  document.addEventListener('change', function (event) {
    if (inUpload(event.target) && event.target.type === 'file') { chosen(event.target.files); }
  }, true);
  document.addEventListener('drop', function (event) {
    if (inUpload(event.target) && event.dataTransfer) { chosen(event.dataTransfer.files); }
  }, true);
})();
