// Source links in the sightings table: only http(s) URLs, opened in a new tab without
// giving the opened page a handle on this one. React escapes the link text.
var dagcomponentfuncs = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});

dagcomponentfuncs.SourceLinks = function (props) {
  var sources = Array.isArray(props.value) ? props.value : [];
  var links = sources.filter(function (s) { return s && /^https?:\/\//i.test(s.url); });
  return React.createElement('span', { className: 'source-links' }, links.map(function (s, i) {
    return React.createElement('a', {
      key: i, href: s.url, target: '_blank', rel: 'noopener noreferrer', className: 'source-link',
    }, s.name || s.url);
  }));
};
