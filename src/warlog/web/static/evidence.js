/* warlog event panel: an event's fields, claims and its articles' text with the evidence
   for each field highlighted. Article text only ever enters the page as text nodes. */
(function () {
  'use strict';
  const FIELD_ORDER = ['event', 'trigger', 'actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'location',
    'date', 'fatalities', 'injured'];

  function h(tag, attrs, ...children) {
    const n = document.createElement(tag);
    for (const k in attrs || {}) {
      if (k === 'class') n.className = attrs[k]; else n.setAttribute(k, attrs[k]);
    }
    children.flat().forEach((c) => n.appendChild(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return n;
  }

  const rank = (field) => { const i = FIELD_ORDER.indexOf(field); return i < 0 ? FIELD_ORDER.length : i; };

  /* The text cut at every span boundary; each piece marked with the fields covering it. */
  function highlighted(text, spans) {
    const cuts = new Set([0, text.length]);
    spans.forEach((s) => { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); });
    const points = [...cuts].sort((a, b) => a - b);
    const out = h('div', { class: 'article-text' });
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = text.slice(a, b);
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length) { out.appendChild(document.createTextNode(piece)); continue; }
      const own = covering.filter((s) => s.field !== 'event' && s.field !== 'claim')
        .sort((x, y) => (x.end - x.start) - (y.end - y.start));
      const field = own.length ? own[0].field : covering.some((s) => s.field === 'event') ? 'event' : 'claim';
      const fields = [...new Set(covering.map((s) => s.field))].sort((x, y) => rank(x) - rank(y));
      out.appendChild(h('mark', { class: 'ev f-' + field, 'data-field': field, 'data-fields': fields.join(' '),
        title: fields.join(', ') }, piece));
    }
    return out;
  }

  function figure(ev) {
    if (ev.fatalities_low == null) return 'no figure';
    const best = ev.fatalities_best != null ? ev.fatalities_best : ev.fatalities;
    return ev.fatalities_low === ev.fatalities_high ? String(best) : `${ev.fatalities_low}–${ev.fatalities_high} (best ${best})`;
  }

  function fieldTable(detail) {
    const ev = detail.event;
    const rows = [['Date', ev.event_date || 'unknown', 'date'], ['Type', `${ev.event_type} / ${ev.sub_event_type}`, 'trigger'],
      ['Actor 1', ev.actor1, 'actor1'], ['Associated 1', ev.assoc_actor_1, 'assoc_actor_1'],
      ['Actor 2', ev.actor2, 'actor2'], ['Associated 2', ev.assoc_actor_2, 'assoc_actor_2'],
      ['Location', [ev.location, ev.admin1, ev.country].filter(Boolean).join(', '), 'location'],
      ['Killed', figure(ev), 'fatalities'], ['Injured', ev.injured, 'injured']];
    const body = rows.filter((r) => r[1] != null && r[1] !== '').map(([label, value, field]) => {
      const words = detail.evidence.filter((s) => s.field === field).map((s) => s.text.trim());
      return h('tr', {}, h('th', {}, label), h('td', {}, value),
        h('td', { class: 'words' }, words.length ? h('mark', { class: 'ev f-' + field }, [...new Set(words)].join(' · ')) : ''));
    });
    return h('table', { class: 'fields' }, h('thead', {}, h('tr', {}, h('th', {}, 'Field'), h('th', {}, 'Value'),
      h('th', {}, 'Evidence'))), h('tbody', {}, body));
  }

  function claimList(claims) {
    if (!claims.length) return [];
    return [h('h3', {}, 'Claims'), h('ul', { class: 'claims' }, claims.map((c) =>
      h('li', {}, `${c.attribute} ${Array.isArray(c.value) ? c.value.join('–') : c.value} (${c.subject})`,
        c.source ? ` — ${c.source}` : '', c.date ? `, ${c.date}` : '')))];
  }

  function render(panel, detail) {
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    const ev = detail.event;
    panel.appendChild(h('h2', {}, `${ev.sub_event_type || ev.event_type} — ${ev.location || ev.country || 'unknown place'}`));
    if (ev.is_historical) panel.appendChild(h('p', { class: 'historical' }, 'Historical event (long before publication)'));
    panel.appendChild(fieldTable(detail));
    claimList(detail.claims).forEach((n) => panel.appendChild(n));
    detail.reports.forEach((article) => {
      const spans = detail.evidence.filter((s) => s.article_id === article.id);
      panel.appendChild(h('h3', {}, article.title || 'Article'));
      panel.appendChild(h('p', { class: 'meta' }, [article.source, article.published, article.url].filter(Boolean).join(' · ')));
      panel.appendChild(highlighted(article.text, spans));
    });
    panel.scrollTop = 0;
  }

  window.WarlogEvidence = { render, highlighted };
})();
