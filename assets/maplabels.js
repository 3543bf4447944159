// Place names over the map, and the view fit (dashboard/mapview.py says why).
//
// MapLibre's own text needs glyphs from a font server, which this offline app does not
// have, so the names in the figure's layout.meta.labels are drawn here as HTML placed by
// the map's projection: labels below their minzoom are skipped and, where two would
// overlap, the one listed first (seas, regions, straits, then places) wins, so the map
// thins itself as one zooms out. Nothing is fetched. layout.meta.fit is the box to show:
// once the map's size is reported (the map-size store), the server frames it in the figure
// itself (fit.camera), in the same redraw as the new markers; the map is fitted here only
// while no size was known yet (the first view) and on "Zoom to results".
(function () {
  'use strict';

  var PADDING = 28;
  var MAX_ZOOM = 7.5;
  var SIZE = {sea: 14, region: 12, strait_point: 11.5, anchor: 11, cape: 11, island: 11};

  function graph() { return document.querySelector('#map .js-plotly-plot'); }

  function mapOf(gd) {
    var layout = gd && gd._fullLayout && gd._fullLayout.map;
    return layout && layout._subplot && layout._subplot.map;
  }

  function meta(gd) { return (gd.layout && gd.layout.meta) || {}; }

  function language() {
    var chosen = document.querySelector('#map-language input:checked');
    return chosen && chosen.value === 'ja' ? 'ja' : 'en';
  }

  function fit(gd, map, again) {
    var wanted = meta(gd).fit;
    if (!wanted || !wanted.bounds || (!again && map.__straitwatchFit === wanted.key)) { return; }
    map.__straitwatchFit = wanted.key;
    if (!again && wanted.camera) { return; }          // framed by the figure's own centre and zoom
    var b = wanted.bounds;
    var box = map.getContainer().getBoundingClientRect();
    var pad = Math.max(0, Math.min(PADDING, box.width / 6, box.height / 6));
    // an originalEvent makes Plotly keep the new view as a person's own (uirevision), so the
    // next figure update does not jump back to the layout's centre and zoom
    map.fitBounds([[b[0], b[1]], [b[2], b[3]]], {padding: pad, maxZoom: MAX_ZOOM, duration: 0},
                  {originalEvent: {type: 'straitwatch-fit'}});
  }

  function overlaps(a, placed) {
    for (var i = 0; i < placed.length; i += 1) {
      var p = placed[i];
      if (a.l < p.r && a.r > p.l && a.t < p.b && a.b > p.t) { return true; }
    }
    return false;
  }

  function render(gd, map, layer) {
    var labels = meta(gd).labels || [];
    var lang = language();
    var zoom = map.getZoom();
    var width = layer.clientWidth;
    var height = layer.clientHeight;
    var placed = [];
    var fragment = document.createDocumentFragment();
    labels.forEach(function (label) {
      if (label.minzoom > zoom) { return; }
      var text = lang === 'ja' ? label.ja : label.en;
      var point = map.project([label.lon, label.lat]);
      var size = SIZE[label.kind] || 11;
      var wide = lang === 'ja' ? size * 1.05 : size * 0.56;
      var lines = text.split('\n');
      var w = Math.max.apply(null, lines.map(function (line) { return line.length; })) * wide + 6;
      var h = (size + 4) * lines.length;
      var centred = label.kind === 'sea' || label.kind === 'region' || label.kind === 'strait_point';
      var left = centred ? point.x - w / 2 : point.x + 5;
      var box = {l: left, r: left + w, t: point.y - h / 2, b: point.y + h / 2};
      if (box.l < 0 || box.t < 0 || box.r > width || box.b > height || overlaps(box, placed)) { return; }
      placed.push(box);
      var span = document.createElement('span');
      span.className = 'map-label map-label-' + label.kind;
      span.textContent = text;
      span.style.left = box.l + 'px';
      span.style.top = box.t + 'px';
      fragment.appendChild(span);
    });
    layer.replaceChildren(fragment);
  }

  function hook() {
    var gd = graph();
    var map = mapOf(gd);
    if (!map || map.__straitwatchLayer) { return; }
    var layer = document.createElement('div');
    layer.className = 'map-labels';
    layer.setAttribute('aria-hidden', 'true');
    map.getContainer().appendChild(layer);
    map.__straitwatchLayer = layer;
    var draw = function () { render(graph(), map, layer); };
    var report = function () {
      var box = map.getContainer().getBoundingClientRect();
      if (window.dash_clientside && window.dash_clientside.set_props) {
        window.dash_clientside.set_props('map-size', {data: {width: Math.round(box.width), height: Math.round(box.height)}});
      }
    };
    map.on('move', draw);
    map.on('resize', draw);
    map.on('resize', report);
    report();
    gd.on('plotly_afterplot', function () {
      var current = mapOf(graph());
      if (current === map) { fit(graph(), map, false); draw(); }
    });
    fit(gd, map, false);
    draw();
  }

  function redraw() {
    var map = mapOf(graph());
    if (map && map.__straitwatchLayer) { render(graph(), map, map.__straitwatchLayer); }
  }

  document.addEventListener('change', function (event) {
    if (event.target.closest && event.target.closest('#map-language')) { redraw(); }
  });
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('#zoom-results')) {
      var gd = graph();
      var map = mapOf(gd);
      if (map) { fit(gd, map, true); }
    }
  });
  // The graph is created (and may be re-created) by React: look for a new map now and then.
  window.setInterval(hook, 250);
}());
