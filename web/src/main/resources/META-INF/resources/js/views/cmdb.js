// The CMDB: CI list, a CI's page with its topology graph, tickets, alarms and changes, and the import.
import {
  el, clear, t, label, api, optionalApi, query, errorBox, emptyState, spinner, formatDateTime,
  priorityBadge, statusBadge, severityBadge, hasRole, OPEN_STATUSES, debounce,
} from '../core.js';

const PAGE_SIZE = 25;
const CI_TYPES = ['server', 'virtual_machine', 'switch', 'router', 'firewall', 'load_balancer', 'database',
  'application', 'service', 'storage', 'ups', 'other'];

export async function cmdbListView(main, ctx) {
  const q = ctx.query.get('q') || '';
  const type = ctx.query.get('type') || '';
  const pageNo = Number(ctx.query.get('page') || 0);
  const go = (changes) => { window.location.hash = `#/cmdb${query({ q, type, page: 0, ...changes })}`; };
  const search = el('input', { type: 'search', id: 'ci-search', class: 'form-control form-control-sm', value: q, placeholder: t('ci.search'), 'aria-label': t('ci.search') });
  const results = el('div', { id: 'ci-list' }, spinner());
  clear(main,
    el('div', { class: 'd-flex flex-wrap justify-content-between align-items-center mb-2 gap-2' },
      el('h1', { class: 'h4 mb-0' }, t('nav.cmdb')),
      hasRole('admin', 'integration') ? el('a', { class: 'btn btn-sm btn-outline-primary', href: '#/cmdb/import', id: 'ci-import-link' }, t('import.title')) : null),
    el('form', { class: 'row g-2 mb-2', role: 'search', onsubmit: (e) => { e.preventDefault(); go({ q: search.value.trim() }); } },
      el('div', { class: 'col-md-3' }, el('select', { id: 'ci-type', class: 'form-select form-select-sm', 'aria-label': t('ci.type'), onchange: (e) => go({ type: e.target.value }) },
        el('option', { value: '' }, t('ci.anyType')), CI_TYPES.map((c) => el('option', { value: c, selected: c === type }, label('ciType', c))))),
      el('div', { class: 'col-md-5' }, el('div', { class: 'input-group input-group-sm' }, search,
        el('button', { class: 'btn btn-outline-secondary', type: 'submit' }, t('filter.search'))))),
    results);
  try {
    const page = await api(`/api/cis${query({ q, type, page: pageNo, size: PAGE_SIZE })}`);
    if (!page.items.length) { clear(results, emptyState(t('ci.empty'))); return null; }
    const last = Math.max(0, Math.ceil(page.total / page.size) - 1);
    clear(results,
      el('div', { class: 'table-responsive bg-white rounded border' }, el('table', { class: 'table table-sm table-hover mb-0' },
        el('thead', {}, el('tr', {}, ['name', 'type', 'hostname', 'ip', 'ownerGroup', 'updated'].map((c) => el('th', { scope: 'col' }, t(`ci.${c}`))))),
        el('tbody', {}, page.items.map((ci) => el('tr', {},
          el('td', {}, el('a', { href: `#/cmdb/${ci.id}`, class: 'fw-semibold' }, ci.name)),
          el('td', {}, label('ciType', ci.type)),
          el('td', {}, ci.hostname || '—'),
          el('td', {}, (ci.ipAddresses || []).join(', ') || '—'),
          el('td', {}, ci.ownerGroup || '—'),
          el('td', {}, formatDateTime(ci.updatedAt))))))),
      el('nav', { class: 'd-flex justify-content-between align-items-center mt-2', 'aria-label': t('paging.label') },
        el('span', { class: 'text-muted small' }, t('paging.info', { from: page.page * page.size + 1, to: Math.min(page.total, (page.page + 1) * page.size), total: page.total })),
        el('div', { class: 'btn-group btn-group-sm' },
          el('button', { class: 'btn btn-outline-secondary', type: 'button', disabled: pageNo <= 0, onclick: () => go({ page: pageNo - 1 }) }, t('paging.prev')),
          el('button', { class: 'btn btn-outline-secondary', type: 'button', disabled: pageNo >= last, onclick: () => go({ page: pageNo + 1 }) }, t('paging.next')))));
  } catch (e) {
    clear(results, errorBox(e));
  }
  return null;
}

export async function ciView(main, ctx) {
  const id = ctx.params[0];
  const ci = await api(`/api/cis/${id}`);
  const [dependencies, dependants] = await Promise.all([
    api(`/api/cis/${id}/dependencies`).catch(() => ({ items: [] })),
    api(`/api/cis/${id}/dependants`).catch(() => ({ items: [] })),
  ]);
  const graph = el('div', { class: 'cy-graph', id: 'ci-graph', role: 'img', 'aria-label': t('ci.topologyLabel', { name: ci.name }) });
  const tickets = el('div', { id: 'ci-tickets' }, spinner());
  const alarms = el('div', { id: 'ci-alarms' }, spinner());
  const changes = el('div', { id: 'ci-changes' }, spinner());
  const attributes = Object.entries(ci.attributes || {});
  clear(main,
    el('nav', {}, el('a', { href: '#/cmdb', class: 'small' }, `← ${t('nav.cmdb')}`)),
    el('h1', { class: 'h4 my-2' }, el('span', { id: 'ci-name' }, ci.name), ' ', el('span', { class: 'badge text-bg-light border' }, label('ciType', ci.type))),
    el('div', { class: 'row g-3' },
      el('div', { class: 'col-lg-8' },
        el('section', { class: 'card' }, el('div', { class: 'card-body' },
          el('h2', { class: 'h6' }, t('ci.topology')), graph,
          el('p', { class: 'small text-muted mt-2 mb-0' }, t('ci.topologyHelp')))),
        el('section', { class: 'card mt-3' }, el('div', { class: 'card-body' }, el('h2', { class: 'h6' }, t('ci.openTickets')), tickets)),
        el('section', { class: 'card mt-3' }, el('div', { class: 'card-body' }, el('h2', { class: 'h6' }, t('ci.activeAlarms')), alarms)),
        el('section', { class: 'card mt-3' }, el('div', { class: 'card-body' }, el('h2', { class: 'h6' }, t('ci.changes')), changes))),
      el('div', { class: 'col-lg-4' },
        el('section', { class: 'card' }, el('div', { class: 'card-body' },
          el('dl', { class: 'row small mb-0' },
            ...dl(t('ci.hostname'), ci.hostname), ...dl(t('ci.ip'), (ci.ipAddresses || []).join(', ')),
            ...dl(t('ci.ownerGroup'), ci.ownerGroup), ...dl(t('ci.description'), ci.description),
            ...attributes.flatMap(([k, v]) => dl(k, v)), ...dl(t('ci.updated'), formatDateTime(ci.updatedAt))))),
        el('section', { class: 'card mt-3' }, el('div', { class: 'card-body' },
          el('h2', { class: 'h6' }, t('ci.relations')),
          ci.relations.length ? el('ul', { class: 'list-unstyled small mb-0', id: 'ci-relations' }, ci.relations.map((r) => el('li', {},
            r.direction === 'outgoing' ? [ci.name, ' ', el('em', {}, label('relation', r.type)), ' ', el('a', { href: `#/cmdb/${r.ciId}` }, r.ciName)]
              : [el('a', { href: `#/cmdb/${r.ciId}` }, r.ciName), ' ', el('em', {}, label('relation', r.type)), ' ', ci.name])))
            : emptyState(t('ci.noRelations')))))));

  drawTopology(graph, ci, dependencies.items, dependants.items);
  loadTickets(tickets, ci.id);
  loadAlarms(alarms, ci.id);
  loadChanges(changes, ci.id);
  const refresh = debounce(() => loadTickets(tickets, ci.id), 500);
  const refreshAlarms = debounce(() => loadAlarms(alarms, ci.id), 500);
  return {
    onLive(topic) { if (topic === 'ticket') refresh(); if (topic === 'alarm') refreshAlarms(); },
    dispose() { if (graph.cy) graph.cy.destroy(); },
  };
}

function dl(name, value) {
  return [el('dt', { class: 'col-5 text-muted fw-normal' }, name), el('dd', { class: 'col-7' }, value || '—')];
}

/**
 * The CI, its direct relations and what the dependency walks reach, as a graph. Edges run
 * "source → target" as the relation reads ("app-01 runs_on vm-01").
 */
function drawTopology(container, ci, dependencies, dependants) {
  if (typeof window.cytoscape !== 'function') {
    clear(container, emptyState(t('ci.graphUnavailable')));
    return;
  }
  const nodes = new Map();
  const edges = new Map();
  const node = (name, extra = {}) => { if (!nodes.has(name)) nodes.set(name, { data: { id: `n:${name}`, label: name, ...extra } }); };
  const edge = (from, to, type) => {
    const key = `${from}|${to}`;
    if (from !== to && !edges.has(key) && !edges.has(`${to}|${from}`)) edges.set(key, { data: { id: `e:${key}`, source: `n:${from}`, target: `n:${to}`, label: label('relation', type) } });
  };
  node(ci.name, { ciId: ci.id, type: ci.type, root: 'yes' });
  for (const r of ci.relations) {
    node(r.ciName, { ciId: r.ciId, type: r.ciType });
    if (r.direction === 'outgoing') edge(ci.name, r.ciName, r.type); else edge(r.ciName, ci.name, r.type);
  }
  // A walk's path lists names from this CI outwards; the last hop is named by "via".
  for (const reach of dependencies) {
    node(reach.name, { ciId: reach.id, type: reach.type });
    for (let i = 1; i < reach.path.length; i++) { node(reach.path[i - 1]); node(reach.path[i]); edge(reach.path[i - 1], reach.path[i], i === reach.path.length - 1 ? reach.via : 'depends_on'); }
  }
  for (const reach of dependants) {
    node(reach.name, { ciId: reach.id, type: reach.type });
    for (let i = 1; i < reach.path.length; i++) { node(reach.path[i - 1]); node(reach.path[i]); edge(reach.path[i], reach.path[i - 1], i === reach.path.length - 1 ? reach.via : 'depends_on'); }
  }
  const cy = window.cytoscape({
    container,
    elements: [...nodes.values(), ...edges.values()],
    layout: { name: 'breadthfirst', directed: true, roots: [`n:${ci.name}`], spacingFactor: 1.1, padding: 20 },
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, 'background-color': '#6c8ebf', width: 26, height: 26 } },
      { selector: 'node[root = "yes"]', style: { 'background-color': '#0d6efd', width: 36, height: 36, 'font-weight': 'bold' } },
      { selector: 'edge', style: { width: 2, 'line-color': '#adb5bd', 'target-arrow-color': '#adb5bd', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 9, color: '#6c757d', 'text-rotation': 'autorotate' } },
    ],
  });
  cy.on('tap', 'node', (event) => {
    const target = event.target.data('ciId');
    if (target && String(target) !== String(ci.id)) window.location.hash = `#/cmdb/${target}`;
  });
  container.cy = cy;
  container.dataset.nodes = String(nodes.size);
  container.dataset.edges = String(edges.size);
}

async function loadTickets(box, ciId) {
  try {
    const page = await api(`/api/tickets${query({ ciId, status: OPEN_STATUSES, sort: 'priority', size: 20 })}`);
    clear(box, page.items.length ? el('ul', { class: 'list-unstyled mb-0' }, page.items.map((tk) => el('li', { class: 'mb-1' },
      priorityBadge(tk.priority), ' ', el('a', { href: `#/tickets/${tk.key}` }, tk.key), ' ', tk.title, ' ', statusBadge(tk.status))))
      : emptyState(t('ci.noTickets')));
  } catch (e) { clear(box, errorBox(e)); }
}

async function loadAlarms(box, ciId) {
  try {
    const page = await optionalApi(`/api/alarms${query({ ciId, status: 'active', size: 20 })}`);
    if (!page) { clear(box, emptyState(t('alarm.unavailable'))); return; }
    clear(box, page.items.length ? el('ul', { class: 'list-unstyled mb-0' }, page.items.map((a) => el('li', { class: 'mb-1' },
      severityBadge(a.severity), ' ', a.name, ' ', el('small', { class: 'text-muted' }, formatDateTime(a.lastSeen)))))
      : emptyState(t('ci.noAlarms')));
  } catch (e) { clear(box, errorBox(e)); }
}

async function loadChanges(box, ciId) {
  try {
    const page = await optionalApi(`/api/changes${query({ ciId, size: 50 })}`);
    if (!page) { clear(box, emptyState(t('change.unavailable'))); return; }
    const mine = page.items.filter((c) => !c.ciIds || c.ciIds.map(String).includes(String(ciId)));
    clear(box, mine.length ? el('ul', { class: 'list-unstyled mb-0' }, mine.map((c) => el('li', { class: 'mb-1' },
      el('a', { href: `#/changes/${c.key}` }, c.key), ' ', c.title, ' ', el('span', { class: 'badge text-bg-light border' }, label('changeStatus', c.status)),
      ' ', el('small', { class: 'text-muted' }, formatDateTime(c.plannedStart)))))
      : emptyState(t('ci.noChanges')));
  } catch (e) { clear(box, errorBox(e)); }
}

export async function importView(main) {
  const file = el('input', { type: 'file', id: 'import-file', class: 'form-control', accept: '.csv,.json,text/csv,application/json' });
  const progress = el('div', { class: 'progress', role: 'progressbar', 'aria-label': t('import.progress'), 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, hidden: true },
    el('div', { class: 'progress-bar', id: 'import-progress', style: 'width: 0%' }));
  const result = el('div', { id: 'import-result', class: 'mt-3' });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary', id: 'import-submit' }, t('import.start'));
  const form = el('form', { onsubmit: (e) => {
    e.preventDefault();
    clear(result);
    if (!file.files.length) { result.append(errorBox(new Error(t('import.noFile')))); return; }
    const chosen = file.files[0];
    const json = chosen.name.toLowerCase().endsWith('.json') || chosen.type === 'application/json';
    submit.disabled = true;
    progress.hidden = false;
    upload(chosen, json ? 'application/json' : 'text/csv', (percent, phase) => {
      progress.setAttribute('aria-valuenow', String(percent));
      const bar = progress.firstChild;
      bar.style.width = `${percent}%`;
      bar.textContent = phase === 'server' ? t('import.processing') : `${percent}%`;
      bar.classList.toggle('progress-bar-striped', phase === 'server');
      bar.classList.toggle('progress-bar-animated', phase === 'server');
    }).then((answer) => {
      clear(result, importResult(answer));
    }).catch((err) => {
      clear(result, errorBox(err));
    }).finally(() => {
      submit.disabled = false;
      const bar = progress.firstChild;
      bar.classList.remove('progress-bar-striped', 'progress-bar-animated');
      bar.textContent = '';
    });
  } },
  el('label', { class: 'form-label', for: 'import-file' }, t('import.file')), file,
  el('div', { class: 'form-text mb-3' }, t('import.help')),
  progress, el('div', { class: 'mt-3' }, submit));
  clear(main, el('div', { class: 'row justify-content-center' }, el('div', { class: 'col-lg-8' },
    el('nav', {}, el('a', { href: '#/cmdb', class: 'small' }, `← ${t('nav.cmdb')}`)),
    el('h1', { class: 'h4 my-2' }, t('import.title')),
    el('div', { class: 'card card-body' }, form, result))));
}

/** XMLHttpRequest rather than fetch: it reports upload progress. */
function upload(blob, contentType, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/cis/import');
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('X-Requested-With', 'beacon-console');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100), 'upload'); };
    xhr.upload.onload = () => onProgress(100, 'server');
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(Object.assign(new Error((body && body.detail) || t('error.http', { status: xhr.status })), { errors: (body && body.errors) || [] }));
    };
    xhr.onerror = () => reject(new Error(t('error.network')));
    xhr.send(blob);
  });
}

function importResult(answer) {
  const rejected = answer.rejected || [];
  return el('div', { dataset: { testid: 'import-result' } },
    el('div', { class: `alert ${rejected.length ? 'alert-warning' : 'alert-success'}` },
      t('import.summary', { created: answer.created, updated: answer.updated, unchanged: answer.unchanged, relations: answer.relationsCreated, rejected: rejected.length })),
    rejected.length ? el('table', { class: 'table table-sm' },
      el('thead', {}, el('tr', {}, el('th', {}, t('import.where')), el('th', {}, t('ci.name')), el('th', {}, t('import.reason')))),
      el('tbody', {}, rejected.map((r) => el('tr', {}, el('td', {}, r.line !== undefined ? t('import.line', { n: r.line }) : t('import.index', { n: r.index })), el('td', {}, r.name || '—'), el('td', {}, r.reason))))) : null);
}
