/* warlog page: filters, a Leaflet map over an offline basemap, the timeline, the table and
   the event panel. Data come from the API (warlog serve) or from the file itself (warlog report). */
(function () {
  'use strict';
  const CONFIG = JSON.parse(document.getElementById('warlog-config').textContent);
  const COLOURS = { 'Battles': '#d62728', 'Explosions/Remote violence': '#ff7f0e', 'Violence against civilians': '#9467bd',
    'Protests': '#2ca02c', 'Riots': '#8c564b', 'Strategic developments': '#1f77b4' };
  const MAX_ROWS = 500;
  const colour = (type) => COLOURS[type] || '#555';
  const radius = (ev) => 5 + 2.2 * Math.sqrt(ev.fatalities || 0);

  /* Data sources: the same three calls, over HTTP or over the embedded data. */
  function apiSource() {
    const get = async (url) => {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`${url}: ${r.status} ${(await r.json().catch(() => ({}))).message || ''}`);
      return r.json();
    };
    return {
      async events(filters) {
        const items = [];
        for (let offset = 0; ; offset += 1000) {
          const params = new URLSearchParams({ ...filters, limit: 1000, offset });
          const page = await get(`api/events?${params}`);
          items.push(...page.items);
          if (items.length >= page.total || !page.items.length) return items;
        }
      },
      event: (id) => get(`api/events/${encodeURIComponent(id)}`),
      basemap: () => get(CONFIG.basemap),
      control: () => get('api/control/timelines'),
      admin1: (code) => (CONFIG.admin1[code] ? get(CONFIG.admin1[code]) : Promise.resolve(null)),
    };
  }

  function inlineSource(data) {
    const has = (value, part) => (value || '').toLowerCase().includes(part.toLowerCase());
    const keep = (f) => (ev) =>
      (!f.date_from || (ev.event_date && ev.event_date >= f.date_from)) &&
      (!f.date_to || (ev.event_date && ev.event_date <= f.date_to)) &&
      (!f.country || [ev.country, ev.country_code].some((c) => (c || '').toLowerCase() === f.country.toLowerCase())) &&
      (!f.event_type || ev.event_type === f.event_type) &&
      (!f.actor || [ev.actor1, ev.actor2, ev.assoc_actor_1, ev.assoc_actor_2].some((a) => has(a, f.actor))) &&
      (!f.q || has(ev.notes, f.q) || has(ev.location, f.q)) &&
      ((f.historical || 'exclude') === 'include' || ev.is_historical === (f.historical === 'only'));
    return {
      events: async (filters) => data.events.filter(keep(filters)),
      event: async (id) => {
        const detail = data.details[id];
        return { ...detail, reports: detail.report_ids.map((a) => data.articles[a]) };
      },
      basemap: async () => data.basemap,
      control: async () => data.control || [],
      admin1: async (code) => (data.admin1 || {})[code] || null,
    };
  }

  const source = CONFIG.mode === 'api' ? apiSource()
    : inlineSource(JSON.parse(document.getElementById('warlog-data').textContent));

  /* Map: country outlines as the basemap, events as clustered circles. */
  const map = L.map('map', { minZoom: 1, maxZoom: 12, worldCopyJump: true, preferCanvas: false }).setView([25, 20], 2);
  map.attributionControl.addAttribution('Boundaries: Natural Earth');
  const clusters = L.markerClusterGroup({
    maxClusterRadius: 30, showCoverageOnHover: false, disableClusteringAtZoom: 8, animate: false,
    iconCreateFunction(cluster) {
      const evs = cluster.getAllChildMarkers().map((m) => m.options.event);
      // the countries a cluster holds, for analysts' tooltips and for tests (codes: A-Z only)
      const countries = [...new Set(evs.map((e) => (e.country_code || 'XX').replace(/[^A-Z]/g, '')))].join(' ');
      const size = 28 + Math.min(20, evs.length);
      const tally = {};
      evs.forEach((e) => { tally[e.event_type] = (tally[e.event_type] || 0) + 1; });
      const main = Object.keys(tally).sort((a, b) => tally[b] - tally[a])[0]; // the cluster takes its commonest type's colour
      return L.divIcon({ html: `<div data-countries="${countries}" title="${countries}" style="background:${colour(main)}">` +
        `<span>${evs.length}</span></div>`,
        className: 'marker-cluster warlog-cluster', iconSize: L.point(size, size) });
    },
  });
  map.addLayer(clusters);

  const legend = L.control({ position: 'bottomleft' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    Object.entries(COLOURS).forEach(([type, c]) => {
      const row = L.DomUtil.create('div', '', div);
      const dot = L.DomUtil.create('i', '', row);
      dot.style.background = c;
      row.appendChild(document.createTextNode(type));
    });
    L.DomUtil.create('div', 'note', div).textContent = 'Circle size: fatalities';
    return div;
  };
  legend.addTo(map);

  source.basemap().then((topo) => {
    const land = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(land, { interactive: false, style: { color: '#8a8a8a', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1 } })
      .addTo(map).bringToBack();
  }).catch((e) => console.error('basemap', e));

  /* First-level divisions of the countries with events, drawn once each over the basemap. */
  const admin1Drawn = new Set();
  function drawAdmin1(events) {
    [...new Set(events.map((ev) => ev.country_code).filter(Boolean))].forEach((code) => {
      if (admin1Drawn.has(code)) return;
      admin1Drawn.add(code);
      source.admin1(code).then((topo) => {
        if (!topo) return;
        L.geoJSON(topojson.feature(topo, topo.objects.admin1), { interactive: false,
          style: { color: '#a1887f', weight: 0.6, dashArray: '3 3', fill: false, className: `admin1-boundary admin1-${code}` } })
          .addTo(map);
      }).catch((e) => console.error('admin1', code, e));
    });
  }

  /* State: the events of the filters, and the part of them inside the brushed period. */
  const state = { events: [], range: null, selected: null };
  const inRange = (ev) => !state.range || (ev.event_date && ev.event_date >= state.range[0] && ev.event_date <= state.range[1]);
  const timeline = new WarlogTimeline(document.getElementById('timeline'), (range) => { state.range = range; show(); });

  function show() {
    const visible = state.events.filter(inRange);
    clusters.clearLayers();
    const markers = visible.filter((ev) => ev.latitude != null && ev.longitude != null).map((ev) => {
      const m = L.circleMarker([ev.latitude, ev.longitude], { event: ev, radius: radius(ev), color: '#222', weight: 1,
        fillColor: colour(ev.event_type), fillOpacity: 0.85, className: `ev-marker country-${ev.country_code || 'XX'}` });
      m.bindTooltip(`${ev.event_date || ''} ${ev.sub_event_type} — ${ev.location || ''} (${ev.fatalities} killed)`);
      m.on('click', () => openEvent(ev.id));
      return m;
    });
    clusters.addLayers(markers);
    const unmapped = visible.length - markers.length;
    document.getElementById('count').textContent = `${visible.length} of ${state.events.length} events shown` +
      (unmapped ? ` (${unmapped} without coordinates)` : '');
    document.getElementById('clear-brush').hidden = !state.range;
    fillTable(visible);
  }

  function fillTable(visible) {
    const body = document.querySelector('#events-table tbody');
    body.replaceChildren(...visible.slice(0, MAX_ROWS).map((ev) => {
      const tr = document.createElement('tr');
      tr.dataset.id = ev.id;
      if (ev.id === state.selected) tr.classList.add('selected');
      [ev.event_date || '', ev.event_type, ev.sub_event_type, ev.actor1 || '', ev.actor2 || '', ev.location || '',
        ev.country || '', ev.fatalities_low == null ? '' : ev.fatalities].forEach((v, i) => {
        const td = tr.insertCell();
        td.textContent = v;
        if (i === 1) td.style.borderLeft = `4px solid ${colour(ev.event_type)}`;
      });
      tr.addEventListener('click', () => openEvent(ev.id, true));
      return tr;
    }));
  }

  async function openEvent(id, fly) {
    state.selected = id;
    document.querySelectorAll('#events-table tr.selected').forEach((tr) => tr.classList.remove('selected'));
    const row = document.querySelector(`#events-table tr[data-id="${CSS.escape(id)}"]`);
    if (row) row.classList.add('selected');
    const panel = document.getElementById('panel');
    try {
      const detail = await source.event(id);
      WarlogEvidence.render(panel, detail);
      panel.dataset.event = id;
      const ev = detail.event;
      if (fly && ev.latitude != null) map.setView([ev.latitude, ev.longitude], Math.max(map.getZoom(), 6), { animate: false });
    } catch (e) {
      panel.textContent = `Could not load the event: ${e.message}`;
    }
  }

  const form = document.getElementById('filters');
  function filters() {
    const f = {};
    new FormData(form).forEach((v, k) => { if (v) f[k] = v; });
    return f;
  }

  async function load() {
    document.getElementById('count').textContent = 'loading…';
    try {
      state.events = await source.events(filters());
    } catch (e) {
      document.getElementById('count').textContent = `Could not load events: ${e.message}`;
      return;
    }
    state.range = null;
    timeline.range = null;
    timeline.draw(state.events);
    drawAdmin1(state.events);
    show();
    const located = state.events.filter((ev) => ev.latitude != null);
    if (located.length) map.fitBounds(L.latLngBounds(located.map((ev) => [ev.latitude, ev.longitude])).pad(0.3), { maxZoom: 6, animate: false });
    document.body.dataset.ready = 'yes';
  }

  function fillOptions(select, values) {
    values.forEach((v) => select.appendChild(new Option(v, v)));
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  form.querySelectorAll('select').forEach((s) => s.addEventListener('change', load));
  document.getElementById('clear-brush').addEventListener('click', () => timeline.select(null));
  fillOptions(form.elements.event_type, Object.keys(CONFIG.taxonomy));
  source.events({ historical: 'include' }).then((all) => {
    fillOptions(form.elements.country, [...new Set(all.map((ev) => ev.country).filter(Boolean))].sort());
  }).catch(() => {});
  load();
  const control = new WarlogControl(map, document.getElementById('panel'), document.getElementById('control-bar'),
    () => source.control());
  window.warlog = { state, map, clusters, openEvent, load, control };
})();
