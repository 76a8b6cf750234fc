// Dashboard: charts of what the API tells; a chart whose back end is not there yet says so.
import {
  state, el, clear, t, label, dateInput, api, optionalApi, query, emptyState, errorBox, OPEN_STATUSES, debounce, duration, isDesk, dateFormat,
} from '../core.js';
import { satisfactionCard } from './satisfaction-card.js';

const PRIORITY_COLOURS = { P1: '#b02a37', P2: '#fd7e14', P3: '#ffc107', P4: '#adb5bd' };
const SEVERITY_COLOURS = { critical: '#842029', major: '#dc3545', minor: '#fd7e14', warning: '#ffc107', indeterminate: '#6c757d', normal: '#6c757d', cleared: '#198754' };
const STATUS_COLOURS = ['#0d6efd', '#0dcaf0', '#ffc107', '#6c757d', '#198754', '#212529'];

export async function dashboardView(main, ctx) {
  const charts = [];
  const card = (id, titleKey, width = 'col-md-6 col-xl-4', tools = null) => {
    const body = el('div', { class: 'chart-box', id });
    return [el('div', { class: width }, el('section', { class: 'card h-100' }, el('div', { class: 'card-body' },
      el('div', { class: 'd-flex flex-wrap justify-content-between align-items-start gap-2' }, el('h2', { class: 'h6' }, t(titleKey)), tools),
      body))), body];
  };
  // Over time: the bucket and ticket type are kept in the address, so a reload shows the same chart.
  const isoDate = (name) => { const v = ctx && ctx.query.get(name); return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined; };
  const period = {
    bucket: ctx && ctx.query.get('bucket') === 'week' ? 'week' : 'day',
    type: ['service_request', 'problem', 'all'].includes(ctx && ctx.query.get('type')) ? ctx.query.get('type') : 'incident',
    from: isoDate('from'),
    to: isoDate('to'),
  };
  const navigate = (change) => { window.location.hash = `#/dashboard${query({ ...period, ...change })}`; };
  const periodSelect = (id, value, options) => el('select', { id, class: 'form-select form-select-sm w-auto', 'aria-label': t(`dashboard.${id}`),
    onchange: (e) => navigate({ [id.replace('report-', '')]: e.target.value }) },
  options.map(([v, text]) => el('option', { value: v, selected: v === value }, text)));
  // The range in local days, both included; empty means the server's default (the last 30 days, or 12 weeks).
  const periodDate = (id, value, bounds) => dateInput({ id, value, ...bounds, class: 'form-control form-control-sm w-auto', size: 10,
    'aria-label': t(`dashboard.${id}`), title: t(`dashboard.${id}`), onDate: (day) => navigate({ [id.replace('report-', '')]: day }) });
  const timesTools = el('div', { class: 'd-flex flex-wrap gap-1' },
    periodSelect('report-bucket', period.bucket, [['day', t('dashboard.byDay')], ['week', t('dashboard.byWeek')]]),
    periodSelect('report-type', period.type, [['incident', label('type', 'incident')], ['service_request', label('type', 'service_request')],
      ['problem', label('type', 'problem')], ['all', t('filter.anyType')]]),
    periodDate('report-from', period.from, period.to ? { max: period.to } : {}),
    periodDate('report-to', period.to, period.from ? { min: period.from } : {}));
  const [timesCard, times] = card('chart-ticket-times', period.bucket === 'week' ? 'dashboard.ticketTimesWeekly' : 'dashboard.ticketTimesDaily', 'col-xl-8', timesTools);
  const [eventsCard, events] = card('chart-events', 'dashboard.eventsPerHour', 'col-xl-4');
  const [byPriorityCard, byPriority] = card('chart-priority', 'dashboard.openByPriority');
  const [byStatusCard, byStatus] = card('chart-status', 'dashboard.ticketsByStatus');
  const [alarmsCard, alarms] = card('chart-alarms', 'dashboard.alarmsBySeverity');
  const [slaCard, sla] = card('chart-sla', 'dashboard.slaCompliance');
  const [correlationCard, correlation] = card('chart-correlation', 'dashboard.correlation');
  const [changesCard, changes] = card('chart-changes', 'dashboard.changesByStatus');
  clear(main, el('h1', { class: 'h4 mb-3' }, t('nav.dashboard')),
    el('div', { class: 'row g-3' }, timesCard, eventsCard, byPriorityCard, byStatusCard, alarmsCard, slaCard, correlationCard, changesCard,
      satisfactionCard(period)));

  const draw = (box, config) => {
    if (typeof window.Chart !== 'function') { clear(box, emptyState(t('dashboard.chartsUnavailable'))); return; }
    const canvas = el('canvas', { role: 'img', 'aria-label': box.parentElement.querySelector('h2').textContent });
    clear(box, canvas);
    charts.push(new window.Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } }, ...(config.options || {}) } }));
    box.dataset.drawn = 'true';
  };

  async function load() {
    charts.splice(0).forEach((c) => c.destroy());
    await Promise.all([loadTicketTimes(), loadEvents()]);
    try {
      const priorities = ['P1', 'P2', 'P3', 'P4'];
      const counts = await Promise.all(priorities.map((p) => api(`/api/tickets/counts${query({ type: 'incident', status: OPEN_STATUSES, priority: p })}`)));
      byPriority.dataset.values = counts.map((c) => c.total).join(',');
      draw(byPriority, { type: 'bar', data: { labels: priorities, datasets: [{ label: t('dashboard.openIncidents'), data: counts.map((c) => c.total), backgroundColor: priorities.map((p) => PRIORITY_COLOURS[p]) }] },
        options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
      const all = await api('/api/tickets/counts');
      const statuses = Object.keys(all.byStatus);
      draw(byStatus, { type: 'doughnut', data: { labels: statuses.map((s) => label('status', s)), datasets: [{ data: statuses.map((s) => all.byStatus[s]), backgroundColor: STATUS_COLOURS }] } });
    } catch (e) {
      clear(byPriority, errorBox(e));
    }
    const alarmCounts = await optionalApi('/api/alarms/counts').catch(() => null);
    if (alarmCounts && alarmCounts.bySeverity) {
      const sev = Object.keys(alarmCounts.bySeverity);
      draw(alarms, { type: 'bar', data: { labels: sev.map((s) => label('severity', s)), datasets: [{ label: t('dashboard.activeAlarms'), data: sev.map((s) => alarmCounts.bySeverity[s]), backgroundColor: sev.map((s) => SEVERITY_COLOURS[s] || '#6c757d') }] },
        options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
    } else {
      clear(alarms, emptyState(t('alarm.unavailable')));
    }
    // SLA compliance of the open incidents and service requests (problems have no SLA), counted by the server
    // over all of them (sla=breached, sla=at_risk), not guessed from one page of a list.
    const openTracked = { type: 'incident,service_request', status: OPEN_STATUSES };
    const [openCount, breachedCount, atRiskCount] = await Promise.all([
      api(`/api/tickets/counts${query(openTracked)}`),
      api(`/api/tickets/counts${query({ ...openTracked, sla: 'breached' })}`),
      api(`/api/tickets/counts${query({ ...openTracked, sla: 'at_risk' })}`),
    ].map((p) => p.catch(() => null)));
    if (openCount && breachedCount && atRiskCount && openCount.total > 0) {
      const breached = breachedCount.total;
      const atRisk = atRiskCount.total;
      sla.dataset.total = openCount.total;
      sla.setAttribute('aria-label', t('dashboard.slaTracked', { n: openCount.total }));
      draw(sla, { type: 'doughnut', data: { labels: [t('sla.onTrack'), t('sla.atRisk'), t('sla.breached')], datasets: [{ data: [Math.max(0, openCount.total - breached - atRisk), atRisk, breached], backgroundColor: ['#198754', '#ffc107', '#dc3545'] }] } });
    } else if (openCount && breachedCount && atRiskCount) {
      clear(sla, emptyState(t('dashboard.slaTracked', { n: 0 })));
    } else {
      clear(sla, emptyState(t('dashboard.slaUnavailable')));
    }
    // Correlation savings: alarms raised against incidents opened from them.
    if (alarmCounts) {
      const [alarmPage, incidents] = await Promise.all([
        optionalApi(`/api/alarms${query({ size: 1 })}`).catch(() => null),
        api(`/api/tickets/counts${query({ type: 'incident' })}`).catch(() => null),
      ]);
      if (alarmPage && incidents) {
        draw(correlation, { type: 'bar', data: { labels: [t('dashboard.alarms'), t('dashboard.incidents')], datasets: [{ data: [alarmPage.total, incidents.total], backgroundColor: ['#dc3545', '#0d6efd'] }] },
          options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
      } else {
        clear(correlation, emptyState(t('alarm.unavailable')));
      }
    } else {
      clear(correlation, emptyState(t('alarm.unavailable')));
    }
    const changePage = await optionalApi(`/api/changes${query({ size: 500 })}`).catch(() => null);
    if (changePage && changePage.items.length) {
      const byChangeStatus = {};
      changePage.items.forEach((c) => { byChangeStatus[c.status] = (byChangeStatus[c.status] || 0) + 1; });
      const keys = Object.keys(byChangeStatus);
      draw(changes, { type: 'doughnut', data: { labels: keys.map((k) => label('changeStatus', k)), datasets: [{ data: keys.map((k) => byChangeStatus[k]), backgroundColor: STATUS_COLOURS }] } });
    } else {
      clear(changes, emptyState(changePage ? t('change.none') : t('change.unavailable')));
    }
  }
  /** Mean time to acknowledge and resolve per day or week (lines), tickets opened (bars), in the user's zone. */
  async function loadTicketTimes() {
    if (!isDesk()) { clear(times, emptyState(t('dashboard.deskOnly'))); return; }
    if (period.from && period.to && period.from > period.to) { clear(times, errorBox(new Error(t('dashboard.rangeReversed')))); return; }
    try {
      const report = await optionalApi(`/api/reports/ticket-times${query({ bucket: period.bucket, type: period.type, tz: state.timeZone,
        from: period.from || (period.bucket === 'week' && !period.to ? weeksAgo(12) : undefined), to: period.to })}`);
      if (!report) { clear(times, emptyState(t('dashboard.reportsUnavailable'))); return; }
      const buckets = report.buckets;
      times.dataset.counts = buckets.map((b) => b.count).join(',');
      times.dataset.acknowledge = buckets.map((b) => b.meanTimeToAcknowledgeSeconds ?? '').join(',');
      times.dataset.resolve = buckets.map((b) => b.meanTimeToResolveSeconds ?? '').join(',');
      if (!report.total.count) { clear(times, emptyState(t('dashboard.noTickets'))); delete times.dataset.drawn; return; }
      const seconds = buckets.flatMap((b) => [b.meanTimeToAcknowledgeSeconds, b.meanTimeToResolveSeconds]).filter((v) => v !== null);
      // The unit follows the longest mean: seconds, minutes or hours.
      const longest = Math.max(0, ...seconds);
      const [unit, unitKey] = longest >= 2 * 3600 ? [3600, 'dashboard.hours'] : longest >= 120 ? [60, 'dashboard.minutes'] : [1, 'dashboard.seconds'];
      const scaled = (v) => (v === null || v === undefined ? null : Math.round((v / unit) * 10) / 10);
      const dayLabel = dateFormat(state.locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: state.timeZone, month: 'short', day: 'numeric' });
      draw(times, {
        type: 'bar',
        data: {
          labels: buckets.map((b) => dayLabel.format(new Date(b.start))),
          datasets: [
            { type: 'line', label: t('dashboard.meanToAcknowledge'), data: buckets.map((b) => scaled(b.meanTimeToAcknowledgeSeconds)), borderColor: '#0d6efd', backgroundColor: '#0d6efd', spanGaps: true, yAxisID: 'time', tension: 0.2, order: 1 },
            { type: 'line', label: t('dashboard.meanToResolve'), data: buckets.map((b) => scaled(b.meanTimeToResolveSeconds)), borderColor: '#198754', backgroundColor: '#198754', spanGaps: true, yAxisID: 'time', tension: 0.2, order: 1 },
            { type: 'bar', label: t('dashboard.ticketsOpened'), data: buckets.map((b) => b.count), backgroundColor: 'rgba(108,117,125,0.25)', yAxisID: 'count', order: 2 },
          ],
        },
        options: {
          interaction: { mode: 'index', intersect: false },
          scales: {
            time: { position: 'left', beginAtZero: true, title: { display: true, text: t(unitKey) } },
            count: { position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false }, title: { display: true, text: t('dashboard.ticketsOpened') } },
          },
          plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (item) => {
            const b = buckets[item.dataIndex];
            if (item.dataset.yAxisID === 'count') return `${item.dataset.label}: ${b.count}`;
            const v = item.datasetIndex === 0 ? b.meanTimeToAcknowledgeSeconds : b.meanTimeToResolveSeconds;
            return `${item.dataset.label}: ${v === null ? '—' : duration(v)}`;
          } } } },
        },
      });
    } catch (e) {
      clear(times, errorBox(e));
    }
  }

  /** Monitoring events received in each of the last 24 local hours. */
  async function loadEvents() {
    if (!isDesk()) { clear(events, emptyState(t('dashboard.deskOnly'))); return; }
    try {
      const report = await optionalApi(`/api/reports/events-per-hour${query({ hours: 24, tz: state.timeZone })}`);
      if (!report) { clear(events, emptyState(t('dashboard.reportsUnavailable'))); return; }
      events.dataset.values = report.buckets.map((b) => b.count).join(',');
      if (!report.total) { clear(events, emptyState(t('dashboard.noEvents'))); delete events.dataset.drawn; return; }
      const hourLabel = dateFormat(state.locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: state.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      draw(events, { type: 'bar', data: { labels: report.buckets.map((b) => hourLabel.format(new Date(b.start))),
        datasets: [{ label: t('dashboard.eventsReceived'), data: report.buckets.map((b) => b.count), backgroundColor: '#6f42c1' }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
    } catch (e) {
      clear(events, errorBox(e));
    }
  }

  await load();
  const refresh = debounce(load, 2000);
  return {
    onLive(topic) { if (topic === 'ticket' || topic === 'alarm') refresh(); },
    dispose() { charts.forEach((c) => c.destroy()); },
  };
}

/** The local date {weeks} weeks back from today in the user's zone, as yyyy-mm-dd (a Monday-aligned start is the server's job). */
function weeksAgo(weeks) {
  const today = dateFormat('en-CA', { timeZone: state.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const from = new Date(Date.UTC(y, m - 1, d - weeks * 7 + 1));
  return from.toISOString().slice(0, 10);
}
