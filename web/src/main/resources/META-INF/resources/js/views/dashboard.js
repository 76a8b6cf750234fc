// Dashboard: charts of what the API tells; a chart whose back end is not there yet says so.
import { el, clear, t, label, api, optionalApi, query, emptyState, errorBox, OPEN_STATUSES, debounce } from '../core.js';

const PRIORITY_COLOURS = { P1: '#b02a37', P2: '#fd7e14', P3: '#ffc107', P4: '#adb5bd' };
const SEVERITY_COLOURS = { critical: '#842029', major: '#dc3545', minor: '#fd7e14', warning: '#ffc107', indeterminate: '#6c757d', normal: '#6c757d', cleared: '#198754' };
const STATUS_COLOURS = ['#0d6efd', '#0dcaf0', '#ffc107', '#6c757d', '#198754', '#212529'];

export async function dashboardView(main) {
  const charts = [];
  const card = (id, titleKey) => {
    const body = el('div', { class: 'chart-box', id });
    return [el('div', { class: 'col-md-6 col-xl-4' }, el('section', { class: 'card h-100' }, el('div', { class: 'card-body' },
      el('h2', { class: 'h6' }, t(titleKey)), body))), body];
  };
  const [byPriorityCard, byPriority] = card('chart-priority', 'dashboard.openByPriority');
  const [byStatusCard, byStatus] = card('chart-status', 'dashboard.ticketsByStatus');
  const [alarmsCard, alarms] = card('chart-alarms', 'dashboard.alarmsBySeverity');
  const [slaCard, sla] = card('chart-sla', 'dashboard.slaCompliance');
  const [correlationCard, correlation] = card('chart-correlation', 'dashboard.correlation');
  const [changesCard, changes] = card('chart-changes', 'dashboard.changesByStatus');
  clear(main, el('h1', { class: 'h4 mb-3' }, t('nav.dashboard')),
    el('div', { class: 'row g-3' }, byPriorityCard, byStatusCard, alarmsCard, slaCard, correlationCard, changesCard));

  const draw = (box, config) => {
    if (typeof window.Chart !== 'function') { clear(box, emptyState(t('dashboard.chartsUnavailable'))); return; }
    const canvas = el('canvas', { role: 'img', 'aria-label': box.parentElement.querySelector('h2').textContent });
    clear(box, canvas);
    charts.push(new window.Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } }, ...(config.options || {}) } }));
    box.dataset.drawn = 'true';
  };

  async function load() {
    charts.splice(0).forEach((c) => c.destroy());
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
    // SLA compliance: of the open tickets the API tracks, how many are breached or at risk.
    const slaProbe = await api(`/api/tickets${query({ status: OPEN_STATUSES, size: 200 })}`).catch(() => null);
    const tracked = slaProbe ? slaProbe.items.filter((i) => i.sla) : [];
    if (tracked.length) {
      const breached = tracked.filter((i) => i.sla.breached).length;
      const atRisk = tracked.filter((i) => !i.sla.breached && i.sla.atRisk).length;
      draw(sla, { type: 'doughnut', data: { labels: [t('sla.onTrack'), t('sla.atRisk'), t('sla.breached')], datasets: [{ data: [tracked.length - breached - atRisk, atRisk, breached], backgroundColor: ['#198754', '#ffc107', '#dc3545'] }] } });
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
  await load();
  const refresh = debounce(load, 2000);
  return {
    onLive(topic) { if (topic === 'ticket' || topic === 'alarm') refresh(); },
    dispose() { charts.forEach((c) => c.destroy()); },
  };
}
