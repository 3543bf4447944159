// Playback's play/pause runs in the browser, so a timer tick already on its way to the server
// can never undo a pause. The server draws each window and sends its URL fragment in the
// playback store; whenever playback is paused the URL gets that fragment, so the link always
// names the window on screen (while playing the URL is left alone: no history entry a second).
// The ids are those of dashboard/ids.py (PLAY, PLAY_STEP, PLAY_STOP, PLAY_STATE).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  playback: {
    toggle: function (_play, _step, _stop, state, disabled) {
      var noUpdate = window.dash_clientside.no_update;
      var fired = window.dash_clientside.callback_context.triggered.map(function (t) {
        return t.prop_id.split('.')[0];
      });
      var running = !disabled;
      if (fired.indexOf('play-stop') >= 0 || fired.indexOf('play-step') >= 0) {
        running = false;
      } else if (fired.indexOf('play') >= 0) {
        running = !running;
      } else if (fired.indexOf('play-state') >= 0 && state && state.ended) {
        running = false;
      }
      // step and stop wait for the window the server draws (it comes back in play-state)
      var drawn = fired.indexOf('play-state') >= 0 || fired.indexOf('play') >= 0;
      var fragment = drawn && !running && state && typeof state.fragment === 'string' ? state.fragment : noUpdate;
      var words = (document.getElementById('play') || {}).dataset || {};   // in the page's language
      return [!running, running ? (words.pause || 'Pause') : (words.play || 'Play'), fragment];
    }
  }
});
