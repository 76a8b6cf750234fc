// Active alarms, live: severity colours and counts, symptoms under their root cause, suppression reasons.
import {
  el, clear, t, label, systemText, api, optionalApi, query, errorBox, emptyState, spinner, formatDateTime, relative,
  severityBadge, isDesk, toast, debounce,
} from '../core.js';
import { ciPicker } from './ci-picker.js';

const SEVERITIES = ['critical', 'major', 'minor', 'warning', 'indeterminate', 'normal', 'cleared'];

export async function alarmsView(main, ctx) {
  const severity = ctx.query.get('severity') || '';
  const ciId = ctx.query.get('ciId') || '';
  const ciName = ctx.query.get('ciName') || '';
  const status = ctx.query.get('status') || 'active';
  const go = (changes) => { window.location.hash = `#/alarms${query({ severity, ciId, ciName, status, ...changes })}`; };
  const counts = el('div', { class: 'd-flex flex-wrap gap-2 mb-2', id: 'alarm-counts' });
  const list = el('div', { id: 'alarm-list' }, spinner());
  clear(main,
    el('h1', { class: 'h4 mb-2' }, t('nav.alarms')),
    counts,
    el('div', { class: 'row g-2 mb-2' },
      el('div', { class: 'col-md-3' }, el('select', { id: 'alarm-severity', class: 'form-select form-select-sm', 'aria-label': t('alarm.severity'), onchange: (e) => go({ severity: e.target.value }) },
        el('option', { value: '' }, t('alarm.anySeverity')), SEVERITIES.map((s) => el('option', { value: s, selected: s === severity }, label('severity', s))))),
      el('div', { class: 'col-md-3' }, el('select', { id: 'alarm-status', class: 'form-select form-select-sm', 'aria-label': t('alarm.status'), onchange: (e) => go({ status: e.target.value }) },
        ['active', 'cleared', 'active,cleared'].map((s) => el('option', { value: s, selected: s === status }, t(`alarm.show.${s.replace(',', '_')}`))))),
      el('div', { class: 'col-md-4' }, ciPicker({ single: true, compact: true, id: 'alarm-ci', selected: ciId ? [{ id: Number(ciId), name: ciName || `#${ciId}` }] : [],
        onChange: (cis) => go({ ciId: cis[0] ? cis[0].id : '', ciName: cis[0] ? cis[0].name : '' }) }))),
    list);

  async function load() {
    try {
      const [page, totals] = await Promise.all([
        optionalApi(`/api/alarms${query({ status, severity, ciId, sort: '-lastSeen', size: 200 })}`),
        optionalApi('/api/alarms/counts'),
      ]);
      if (!page) {
        clear(counts);
        clear(list, emptyState(t('alarm.unavailable')));
        return;
      }
      clear(counts, totals ? [
        el('span', { class: 'badge text-bg-dark fs-6' }, t('alarm.activeCount', { n: totals.active })),
        SEVERITIES.filter((s) => totals.bySeverity && totals.bySeverity[s]).map((s) => el('button', { type: 'button', class: `badge border-0 fs-6 sev-${s}`, onclick: () => go({ severity: s }) },
          `${label('severity', s)} ${totals.bySeverity[s]}`)),
      ] : []);
      clear(list, page.items.length ? alarmTable(page.items, load) : emptyState(t('alarm.none')));
    } catch (e) {
      clear(list, errorBox(e));
    }
  }
  await load();
  const refresh = debounce(load, 500);
  return { onLive(topic) { if (topic === 'alarm') refresh(); } };
}

/** Root causes first, each followed by its symptoms (indented); suppressed alarms say why. */
function alarmTable(items, reload) {
  const byId = new Map(items.map((a) => [a.id, a]));
  const symptoms = new Map();
  const roots = [];
  for (const a of items) {
    if (a.rootCauseAlarmId && byId.has(a.rootCauseAlarmId)) {
      if (!symptoms.has(a.rootCauseAlarmId)) symptoms.set(a.rootCauseAlarmId, []);
      symptoms.get(a.rootCauseAlarmId).push(a);
    } else {
      roots.push(a);
    }
  }
  const rows = [];
  for (const a of roots) {
    rows.push(row(a, false, reload));
    for (const s of symptoms.get(a.id) || []) rows.push(row(s, true, reload));
  }
  return el('div', { class: 'table-responsive bg-white rounded border' }, el('table', { class: 'table table-sm mb-0' },
    el('thead', {}, el('tr', {}, ['name', 'severity', 'ci', 'count', 'firstSeen', 'lastSeen', 'linked', 'ack'].map((c) => el('th', { scope: 'col' }, t(`alarm.col.${c}`))))),
    el('tbody', {}, rows)));
}

function row(a, symptom, reload) {
  const suppressed = a.suppression;
  const ack = async (undo) => {
    try {
      await api(`/api/alarms/${a.id}/${undo ? 'unacknowledge' : 'acknowledge'}`, { method: 'POST' });
      await reload();
    } catch (e) { toast(e.message, 'danger'); }
  };
  return el('tr', { class: `${symptom ? 'alarm-symptom' : ''} ${suppressed ? 'alarm-suppressed' : ''}`, dataset: { alarmId: a.id } },
    el('td', {}, symptom ? '↳ ' : '', el('span', { class: 'fw-semibold' }, a.name),
      a.message ? el('div', { class: 'small text-muted' }, a.message) : null,
      suppressed ? el('div', { class: 'small text-warning-emphasis' }, t('alarm.suppressed', { kind: label('suppression', suppressed.kind), reason: systemText(suppressed.reasonKey, suppressed.reasonArgs, suppressed.reason) || suppressed.ref || '' })) : null,
      a.flapping ? el('span', { class: 'badge text-bg-warning ms-1' }, t('alarm.flapping')) : null),
    el('td', {}, severityBadge(a.severity)),
    el('td', {}, a.ciId ? el('a', { href: `#/cmdb/${a.ciId}` }, a.ciName || `#${a.ciId}`) : '—'),
    el('td', {}, a.count),
    el('td', { title: formatDateTime(a.firstSeen) }, relative(a.firstSeen)),
    el('td', { title: formatDateTime(a.lastSeen) }, relative(a.lastSeen)),
    el('td', {}, a.incidentKey ? el('a', { href: `#/tickets/${a.incidentKey}` }, a.incidentKey) : null,
      a.changeKey ? [' ', el('a', { href: `#/changes/${a.changeKey}` }, a.changeKey)] : null),
    el('td', {}, a.acknowledged
      ? el('span', { class: 'small' }, t('alarm.ackedBy', { who: a.acknowledgedBy || '—' }), isDesk() ? [' ', el('button', { type: 'button', class: 'btn btn-link btn-sm p-0', onclick: () => ack(true) }, t('alarm.unack'))] : null)
      : isDesk() ? el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', onclick: () => ack(false) }, t('alarm.ack')) : '—'));
}
