// The dashboard's satisfaction figure: the requesters' average rating (1 to 5) per group that resolved the
// tickets, over the dashboard's period, with the latest bucket beside the whole range.
import { state, el, clear, t, optionalApi, query, emptyState, errorBox, spinner, isDesk } from '../core.js';

export function satisfactionCard(period) {
  const body = el('div', { id: 'satisfaction', class: 'small' }, spinner());
  load();
  return el('div', { class: 'col-md-6 col-xl-4' }, el('section', { class: 'card h-100' }, el('div', { class: 'card-body' },
    el('h2', { class: 'h6' }, t(period.bucket === 'week' ? 'satisfaction.headingWeekly' : 'satisfaction.headingDaily')), body)));

  async function load() {
    if (!isDesk()) { clear(body, emptyState(t('dashboard.deskOnly'))); return; }
    if (period.from && period.to && period.from > period.to) { clear(body, errorBox(new Error(t('dashboard.rangeReversed')))); return; }
    try {
      const report = await optionalApi(`/api/reports/satisfaction${query({ bucket: period.bucket, tz: state.timeZone, from: period.from, to: period.to })}`);
      if (!report) { clear(body, emptyState(t('dashboard.reportsUnavailable'))); return; }
      if (!report.total.count) { clear(body, emptyState(t('satisfaction.none'))); return; }
      const last = report.buckets[report.buckets.length - 1];
      const lastOf = (groupId) => (last.groups.find((g) => g.groupId === groupId) || {}).average;
      const fmt = (v) => (v === null || v === undefined ? '—' : v.toFixed(2));
      clear(body, el('table', { class: 'table table-sm mb-0' },
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t('satisfaction.group')),
          el('th', { scope: 'col', class: 'text-end' }, t('satisfaction.average')),
          el('th', { scope: 'col', class: 'text-end' }, t('satisfaction.latest', { date: last.date })),
          el('th', { scope: 'col', class: 'text-end' }, t('satisfaction.count')))),
        el('tbody', {}, report.groups.map((g) => el('tr', { dataset: { group: g.group || '' } },
          el('td', {}, g.group || t('ticket.noGroup')),
          el('td', { class: 'text-end fw-semibold' }, fmt(g.average)),
          el('td', { class: 'text-end' }, fmt(lastOf(g.groupId))),
          el('td', { class: 'text-end' }, String(g.count))))),
        el('tfoot', {}, el('tr', {},
          el('th', { scope: 'row' }, t('satisfaction.all')),
          el('th', { class: 'text-end', id: 'satisfaction-average' }, fmt(report.total.average)),
          el('td'), el('td', { class: 'text-end' }, String(report.total.count))))));
    } catch (e) {
      clear(body, errorBox(e));
    }
  }
}
