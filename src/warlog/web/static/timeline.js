/* warlog timeline: bars of events per day (or week, or month) on an SVG, with a brush.
   Drag across the bars to select whole periods; a click without a drag clears the selection. */
(function () {
  'use strict';
  const NS = 'http://www.w3.org/2000/svg';
  const DAY = 86400000;
  const M = { left: 34, right: 10, top: 8, bottom: 20 };

  function node(name, attrs, parent) {
    const n = document.createElementNS(NS, name);
    for (const k in attrs) n.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(n);
    return n;
  }
  const dayOf = (iso) => Date.parse(iso + 'T00:00:00Z');
  const isoOf = (t) => new Date(t).toISOString().slice(0, 10);

  class Timeline {
    constructor(svg, onBrush) {
      this.svg = svg;
      this.onBrush = onBrush;
      this.range = null; // [fromIso, toIso] or null
      this.events = [];
      svg.addEventListener('pointerdown', (e) => this.down(e));
      svg.addEventListener('pointermove', (e) => this.move(e));
      svg.addEventListener('pointerup', (e) => this.up(e));
      window.addEventListener('resize', () => this.draw(this.events));
    }

    draw(events) {
      this.events = events;
      const svg = this.svg;
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      const days = events.filter((e) => e.event_date).map((e) => dayOf(e.event_date));
      this.width = svg.clientWidth || 600;
      this.height = svg.clientHeight || 100;
      if (!days.length) {
        node('text', { x: M.left, y: 30, class: 'empty' }, svg).textContent = 'No dated events';
        this.scale = null;
        return;
      }
      const t0 = Math.min(...days), span = Math.max(...days) - t0;
      this.bin = span <= 120 * DAY ? DAY : span <= 3 * 365 * DAY ? 7 * DAY : 30 * DAY;
      const start = this.bin === 7 * DAY ? t0 - ((t0 / DAY + 3) % 7) * DAY : t0; // weeks start on Monday
      const nBins = Math.floor((Math.max(...days) - start) / this.bin) + 1;
      const counts = new Array(nBins).fill(0);
      days.forEach((t) => { counts[Math.floor((t - start) / this.bin)] += 1; });
      this.start = start;
      this.end = start + nBins * this.bin;
      const innerW = this.width - M.left - M.right, innerH = this.height - M.top - M.bottom;
      this.x = (t) => M.left + (t - this.start) / (this.end - this.start) * innerW;
      this.t = (px) => this.start + (px - M.left) / innerW * (this.end - this.start);
      this.scale = true;
      const top = Math.max(...counts);
      node('text', { x: 4, y: M.top + 10, class: 'axis' }, svg).textContent = top;
      node('line', { x1: M.left, x2: this.width - M.right, y1: M.top + innerH, y2: M.top + innerH, class: 'axis' }, svg);
      this.bars = counts.map((n, i) => {
        const b0 = start + i * this.bin, w = Math.max(1, this.x(b0 + this.bin) - this.x(b0) - 1);
        const h = n / top * innerH;
        const bar = node('rect', { x: this.x(b0), y: M.top + innerH - h, width: w, height: h, class: 'bar' }, svg);
        bar.dataset.from = isoOf(b0);
        bar.dataset.to = isoOf(b0 + this.bin - DAY);
        node('title', {}, bar).textContent = `${bar.dataset.from}${this.bin > DAY ? ' – ' + bar.dataset.to : ''}: ${n} events`;
        return bar;
      });
      const ticks = Math.min(nBins, Math.max(2, Math.floor(innerW / 90)));
      for (let i = 0; i < ticks; i++) {
        const t = start + Math.round(i * (nBins - 1) / Math.max(1, ticks - 1)) * this.bin;
        node('text', { x: this.x(t), y: this.height - 5, class: 'axis' }, svg).textContent = isoOf(t);
      }
      this.brush = node('rect', { x: 0, y: M.top, width: 0, height: innerH, class: 'brush' }, svg);
      this.paint();
    }

    paint() {
      if (!this.scale) return;
      const r = this.range;
      this.bars.forEach((b) => b.classList.toggle('in', !!r && b.dataset.to >= r[0] && b.dataset.from <= r[1]));
      if (!r) { this.brush.setAttribute('width', 0); return; }
      const a = this.x(dayOf(r[0])), b = this.x(dayOf(r[1]) + DAY);
      this.brush.setAttribute('x', a);
      this.brush.setAttribute('width', Math.max(0, b - a));
    }

    px(e) { return e.clientX - this.svg.getBoundingClientRect().left; }

    down(e) {
      if (!this.scale) return;
      this.svg.setPointerCapture(e.pointerId);
      this.drag = [this.px(e), this.px(e)];
    }

    move(e) {
      if (!this.drag) return;
      this.drag[1] = this.px(e);
      const [a, b] = [Math.min(...this.drag), Math.max(...this.drag)];
      this.brush.setAttribute('x', a);
      this.brush.setAttribute('width', b - a);
    }

    up(e) {
      if (!this.drag) return;
      const [a, b] = [Math.min(...this.drag), Math.max(this.px(e), ...this.drag)];
      this.drag = null;
      if (b - a < 3) { this.select(null); return; }
      const bin0 = Math.max(0, Math.floor((this.t(a) - this.start) / this.bin));
      const bin1 = Math.min(this.bars.length - 1, Math.floor((this.t(b) - this.start) / this.bin));
      this.select(bin1 < bin0 ? null : [this.bars[bin0].dataset.from, this.bars[bin1].dataset.to]);
    }

    select(range) {
      this.range = range;
      this.paint();
      this.onBrush(range);
    }
  }

  window.WarlogTimeline = Timeline;
})();
