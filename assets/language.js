// The page's language (dashboard/i18n.py explains the mechanism). This file runs before Dash's
// renderer asks for the page, so it can say which language to build:
//   1. the language is the URL's ?lang=, else the choice remembered in this browser (the
//      dcc.Store "language-choice", storage_type="local"), else English;
//   2. <html lang> is set at once, so assets/i18n.css puts the bundled Japanese font first;
//   3. the renderer's one request for the page, GET _dash-layout, gets ?lang= added, and the
//      server builds the page in that language (app.layout is a function of the request).
// The clientside callback "language.choose" remembers a new choice and navigates to the same URL
// with lang= changed. Nothing else is fetched or sent.
(function () {
  var LANGUAGES = ['en', 'ja'];
  var known = function (value) { return LANGUAGES.indexOf(value) >= 0 ? value : null; };

  function remembered() {
    try {
      return known(JSON.parse(window.localStorage.getItem('language-choice')));
    } catch (e) {               // no storage (private mode) or a value that is not JSON
      return null;
    }
  }

  var inUrl = known(new URLSearchParams(window.location.search).get('lang'));
  var lang = inUrl || remembered() || 'en';
  document.documentElement.lang = lang;

  var original = window.fetch;
  window.fetch = function (resource, options) {
    if (typeof resource === 'string' && /(^|\/)_dash-layout$/.test(resource)) {
      resource = resource + '?lang=' + lang;
    }
    return original.call(this, resource, options);
  };

  function withLanguage(href, chosen) {
    var url = new URL(href);
    url.searchParams.delete('lang');
    if (chosen !== 'en') { url.searchParams.set('lang', chosen); }
    return url.toString();
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    language: {
      // switch value, page language -> remembered choice, full-page navigation (or nothing)
      choose: function (chosen, page) {
        var noUpdate = window.dash_clientside.no_update;
        chosen = known(chosen) || 'en';
        if (chosen === page) { return [page, noUpdate]; }
        return [chosen, withLanguage(window.location.href, chosen)];
      }
    }
  });
}());
