/* warlog control layer: who holds each place on the day the slider picks, drawn over the map.
   Timelines come from /api/control/timelines (warlog serve) or from the report file itself;
   the state on a day is the last one begun by then, as warlog.control.Timeline.at reads it. */
(function () {
  'use strict';
  const PALETTE = ['#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e', '#558b2f'];
  const STATUS_DASH = { held: null, contested: '4 3', encircled: '1 4', unknown: '2 2' };

  function colourOf(holder, holders) {
    if (!holder) return '#9e9e9e';
    if (!holders.has(holder)) holders.set(holder, PALETTE[holders.size % PALETTE.length]);
    return holders.get(holder);
  }
  const start = (s) => s.since || s.since_latest;
  function stateAt(timeline, day) {
    let found = null;
    timeline.states.forEach((s) => { if (start(s) && start(s) <= day) found = s; });
    return found;
  }
  function text(tag, value, cls) {
    const el = document.createElement(tag);
    el.textContent = value;
    if (cls) el.className = cls;
    return el;
  }
  function since(s) {
    if (!s.since) return s.since_latest ? `by ${s.since_latest}` : '';
    return s.since_latest && s.since_latest !== s.since ? `${s.since} – ${s.since_latest}` : s.since;
  }

  class WarlogControl {
    constructor(map, panel, controls, load) {
      this.map = map;
      this.panel = panel;
      map.createPane('control').style.zIndex = 450;  /* above the event circles while it is on */
      this.layer = L.layerGroup();
      this.holders = new Map();
      this.timelines = [];
      this.toggle = controls.querySelector('#control-on');
      this.slider = controls.querySelector('#control-day');
      this.label = controls.querySelector('#control-date');
      this.toggle.addEventListener('change', () => this.show());
      this.slider.addEventListener('input', () => this.show());
      load().then((timelines) => { this.timelines = timelines; this.setDays(); this.show(); })
        .catch((e) => { this.label.textContent = `control unavailable: ${e.message}`; });
    }

    setDays() {
      const days = this.timelines.flatMap((t) => t.states.map(start)).filter(Boolean).sort();
      this.days = [...new Set(days)];
      this.slider.min = 0;
      this.slider.max = Math.max(0, this.days.length - 1);
      this.slider.value = this.slider.max;
      this.slider.disabled = !this.days.length;
    }

    get day() { return this.days && this.days.length ? this.days[Number(this.slider.value)] : null; }

    show() {
      this.layer.clearLayers();
      const on = this.toggle.checked && this.day;
      this.label.textContent = this.day ? this.day : 'no control data';
      if (!on) { this.map.removeLayer(this.layer); return; }
      this.layer.addTo(this.map);
      this.timelines.forEach((t) => {
        const s = stateAt(t, this.day);
        const p = t.place;
        if (!s || p.latitude == null) return;
        const province = p.kind === 'admin1';
        const marker = L.circleMarker([p.latitude, p.longitude], {
          radius: province ? 26 : 11, color: colourOf(s.holder, this.holders), weight: province ? 2 : 4,
          dashArray: STATUS_DASH[s.status] || null, fill: !province, fillOpacity: 0.15,
          className: `control-marker control-${s.status}`, interactive: true, pane: 'control',
        });
        marker.bindTooltip(`${t.place.name}: ${s.status}, ${s.holder || 'holder unknown'} (${since(s)})`);
        marker.on('click', () => this.render(t));
        marker.addTo(this.layer);
      });
    }

    render(t) {  /* the place's timeline in the side panel, each state with its words */
      const panel = this.panel;
      panel.replaceChildren(text('h2', `Control of ${t.place.name}`));
      panel.dataset.control = t.place.name;
      panel.appendChild(text('p', [t.place.gazetteer_name, t.place.admin1, t.place.country_code].filter(Boolean).join(', '), 'meta'));
      const list = document.createElement('ol');
      list.className = 'control-states';
      t.states.forEach((s) => {
        const li = document.createElement('li');
        li.className = `control-${s.status}`;
        li.appendChild(text('strong', `${since(s)} — ${s.status}: ${s.holder || 'holder unknown'}`));
        li.appendChild(text('div', s.note, 'note'));
        s.shares.forEach((sh) => li.appendChild(text('div',
          `${Math.round(sh.share * 100)}% held by ${sh.holder || '?'}, per ${sh.source || 'the article'} (${sh.date || ''})`, 'share')));
        s.change.reports.forEach((r) => {
          if (r.evidence) li.appendChild(text('blockquote', r.evidence.text.trim(), 'evidence'));
        });
        list.appendChild(li);
      });
      panel.appendChild(list);
    }
  }
  window.WarlogControl = WarlogControl;
})();
