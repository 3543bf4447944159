// The base map's area highlight and layer toggles (dashboard/figures.py base_style says why).
//
// The base layers live in the map's own MapLibre style, which Plotly leaves alone while its
// id stays the same; what changes with the filters travels in the figure's layout.meta:
// meta.areas = [[style layer id, colour, opacity], ...] and meta.hidden = [toggle group, ...].
// After each redraw they are painted on the style here; MapLibre ignores a value that did
// not change, so only what the filter changed is redrawn. Nothing is fetched.
(function () {
  'use strict';

  function graph() { return document.querySelector('#map .js-plotly-plot'); }

  function mapOf(gd) {
    var layout = gd && gd._fullLayout && gd._fullLayout.map;
    return layout && layout._subplot && layout._subplot.map;
  }

  function paint(gd, map) {
    var meta = (gd && gd.layout && gd.layout.meta) || {};
    if (!map.isStyleLoaded()) { map.once('idle', function () { paint(graph(), map); }); return; }
    (meta.areas || []).forEach(function (area) {
      if (!map.getLayer(area[0])) { return; }
      map.setPaintProperty(area[0], 'fill-color', area[1]);
      map.setPaintProperty(area[0], 'fill-opacity', area[2]);
    });
    var hidden = meta.hidden || [];
    map.getStyle().layers.forEach(function (layer) {
      var group = /^base-\d+-(.+)$/.exec(layer.id);
      if (!group) { return; }
      map.setLayoutProperty(layer.id, 'visibility', hidden.indexOf(group[1]) >= 0 ? 'none' : 'visible');
    });
  }

  function hook() {
    var gd = graph();
    var map = mapOf(gd);
    if (!map || map.__straitwatchBase) { return; }
    map.__straitwatchBase = true;
    gd.on('plotly_afterplot', function () {
      if (mapOf(graph()) === map) { paint(graph(), map); }
    });
    paint(gd, map);
  }

  // The graph is created (and may be re-created) by React: look for a new map now and then.
  window.setInterval(hook, 250);
}());
