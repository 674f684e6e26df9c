// A small step-line chart in inline SVG: no library, no inline style (the page's CSP allows none); colours and
// dashes come from console.css through class names. The data is also on the page as a table, for screen readers.

const SVG = 'http://www.w3.org/2000/svg';

function element(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Round tick values (1, 2, 5 × 10^n) from 0 to at least max. */
function ticks(max, count = 4) {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const values = [];
  for (let v = 0; v <= max + step / 2; v += step) values.push(v);
  if (values[values.length - 1] < max) values.push(values[values.length - 1] + step);
  return values;
}

function timeLabel(ms, span) {
  const date = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${span < 3_600_000 ? `:${pad(date.getSeconds())}` : ''}`;
  return span > 86_400_000 ? `${date.getMonth() + 1}/${date.getDate()} ${time}` : time;
}

/**
 * Draws series = [{name, className, points: [[timeMs, value], …] (ascending), marks?: [{t, v, label}]}] into
 * container (replacing what was there) as a step chart: each value holds until the next point.
 * title and description name the chart for assistive technology.
 */
export function stepChart(container, series, { title, description, height = 240, from, to } = {}) {
  const width = Math.max(280, Math.round(container.clientWidth || 600));
  const pad = { left: 56, right: 12, top: 12, bottom: 28 };
  const all = series.flatMap((s) => s.points);
  const svg = element('svg', {
    viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'chart',
    'aria-labelledby': `${container.id}-title ${container.id}-desc`,
  });
  svg.append(element('title', { id: `${container.id}-title` }, title));
  svg.append(element('desc', { id: `${container.id}-desc` }, description));
  container.replaceChildren(svg);
  if (all.length === 0) {
    svg.append(element('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'chart-empty' },
      'Nothing to show yet'));
    return;
  }
  const t0 = from ?? Math.min(...all.map((p) => p[0]));
  let t1 = to ?? Math.max(...all.map((p) => p[0]));
  if (t1 <= t0) t1 = t0 + 1000;
  const yTicks = ticks(Math.max(...all.map((p) => p[1])));
  const yMax = yTicks[yTicks.length - 1] || 1;
  const x = (t) => pad.left + ((t - t0) / (t1 - t0)) * (width - pad.left - pad.right);
  const y = (v) => height - pad.bottom - (v / yMax) * (height - pad.top - pad.bottom);

  const grid = element('g', { class: 'chart-grid', 'aria-hidden': 'true' });
  for (const v of yTicks) {
    grid.append(element('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }));
    grid.append(element('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, v.toLocaleString('en-US')));
  }
  const xCount = Math.max(2, Math.min(6, Math.floor((width - pad.left - pad.right) / 90)));
  for (let i = 0; i <= xCount - 1; i += 1) {
    const t = t0 + ((t1 - t0) * i) / (xCount - 1);
    grid.append(element('text', {
      x: x(t), y: height - 8, 'text-anchor': i === 0 ? 'start' : i === xCount - 1 ? 'end' : 'middle',
    }, timeLabel(t, t1 - t0)));
  }
  svg.append(grid);

  for (const s of series) {
    if (s.points.length === 0) continue;
    let d = `M${x(s.points[0][0]).toFixed(1)},${y(s.points[0][1]).toFixed(1)}`;
    for (let i = 1; i < s.points.length; i += 1) {
      d += `H${x(s.points[i][0]).toFixed(1)}V${y(s.points[i][1]).toFixed(1)}`;
    }
    d += `H${x(t1).toFixed(1)}`;
    const group = element('g', { class: `series ${s.className ?? ''}` });
    group.append(element('path', { d, fill: 'none' }));
    for (const mark of s.marks ?? []) {
      const dot = element('circle', { cx: x(mark.t), cy: y(mark.v), r: 3 });
      dot.append(element('title', {}, mark.label));
      group.append(dot);
    }
    svg.append(group);
  }
}
