// Every visible text of the page with its colour, effective background and WCAG contrast ratio.
// Read by tests/browser/test_access.py (test_access005); returns one record per text element.
const paint = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
const parse = c => {                  // any CSS colour (rgb(), color(srgb ...), color-mix ...) as [r, g, b, a]
  if (!c || c === 'none') { return null; }
  paint.clearRect(0, 0, 1, 1); paint.fillStyle = 'rgba(0, 0, 0, 0)'; paint.fillStyle = c; paint.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data; return [r, g, b, a / 255];
};
const over = (top, below) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + below[i] * (1 - a)).concat([1]); };
const luminance = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const ratio = (a, b) => { const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (l1 + 0.05) / (l2 + 0.05); };
const background = el => {            // composite the backgrounds of el and its ancestors, page white below
  const layers = [];
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) { break; } }
  }
  return layers.reverse().reduce((below, top) => over(top, below), [255, 255, 255, 1]);
};
const plotArea = (el, box) => {      // SVG text inside a Plotly plot area: its plot_bgcolor over the page
  if (!(el instanceof SVGElement) || !el.closest('.js-plotly-plot')) { return null; }
  const x = (box.left + box.right) / 2, y = (box.top + box.bottom) / 2;
  const rect = [...el.closest('.js-plotly-plot').querySelectorAll('.bglayer rect.bg')].find(r => {
    const b = r.getBoundingClientRect(); return x >= b.left && x <= b.right && y >= b.top && y <= b.bottom; });
  const fill = rect && parse(getComputedStyle(rect).fill);
  return fill ? over(fill, background(el)) : null;
};
const halo = el => { const m = getComputedStyle(el).textShadow.match(/rgba?\([^)]+\)/); return m ? parse(m[0]) : null; };
const shown = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
  return r.width > 1 && r.height > 1 && s.visibility === 'visible' && el.checkVisibility({opacityProperty: true}); };
const opacity = el => { let o = 1; for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
  o *= Number(getComputedStyle(e).opacity); } return o; };
const records = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const seen = new Set();
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const el = node.parentElement;
  if (!node.textContent.trim() || seen.has(el) || !shown(el) || el.closest(':disabled, [aria-disabled=true], script, style')) { continue; }
  seen.add(el);
  const s = getComputedStyle(el);
  const svg = el instanceof SVGElement;
  let colour = parse(svg ? s.fill : s.color);
  if (!colour) { continue; }
  colour[3] *= (svg ? Number(s.fillOpacity) : 1) * opacity(el);
  const overMap = !!el.closest('.map-labels');
  const canvas = document.querySelector('#map canvas.maplibregl-canvas').getBoundingClientRect();
  const box = el.getBoundingClientRect();
  const onCanvas = svg && !!el.closest('#map') && box.left < canvas.right && box.right > canvas.left
    && box.top < canvas.bottom && box.bottom > canvas.top;
  const back = overMap ? halo(el) : plotArea(el, box) || background(el);
  const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
  records.push({text: node.textContent.trim().slice(0, 40), tag: el.tagName.toLowerCase(), cls: String(el.className.baseVal ?? el.className),
                overMap, onCanvas, ratio: back ? ratio(over(colour, back), back) : 0, colour: s.color, fill: s.fill, size,
                large: size >= 24 || (size >= 18.66 && bold), background: back});
}
document.querySelectorAll('input[placeholder]').forEach(el => {
  if (el.value || !shown(el)) { return; }
  const back = background(el);
  const colour = parse(getComputedStyle(el, '::placeholder').color);
  records.push({text: 'placeholder: ' + el.placeholder, tag: 'input', cls: el.className, overMap: false, onCanvas: false,
                ratio: ratio(over(colour, back), back), colour: getComputedStyle(el, '::placeholder').color,
                size: parseFloat(getComputedStyle(el).fontSize), large: false, background: back});
});
return records;
