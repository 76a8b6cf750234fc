// Processes and decisions (administrators): every model at a glance; the chosen one's versions, with download,
// upload of a replacement and rollback.
import { el, clear, t, api, errorBox, toast, formatDateTime, badge } from '../core.js';

export async function modelsView(main, ctx) {
  const { items } = await api('/api/models');
  const key = ctx.query.get('key');
  const chosen = items.find((m) => m.key === key) || items[0];
  const activeOf = (m) => m.versions.find((v) => v.active) || {};
  clear(main, el('div', {},
    el('h1', { class: 'h4 mb-2' }, t('models.title')),
    el('p', { class: 'text-muted small' }, t('models.intro')),
    el('div', { class: 'table-responsive' }, el('table', { class: 'table table-sm table-hover align-middle', id: 'model-list' },
      el('thead', {}, el('tr', {},
        el('th', {}, t('models.col.model')), el('th', {}, t('models.col.kind')),
        el('th', {}, t('models.col.active')), el('th', {}, t('models.col.source')), el('th', {}, t('models.col.at')))),
      el('tbody', {}, items.map((m) => el('tr', { class: m === chosen ? 'table-active' : null, dataset: { key: m.key } },
        el('td', {}, el('a', { href: `#/models?key=${encodeURIComponent(m.key)}`, id: `model-link-${m.key}` }, m.name), ' ',
          el('code', { class: 'small' }, m.key)),
        el('td', {}, t(`models.kind.${m.kind}`)),
        el('td', {}, String(m.activeVersion)),
        el('td', {}, t(`models.source.${activeOf(m).source}`)),
        el('td', {}, formatDateTime(activeOf(m).deployedAt))))))),
    chosen ? modelCard(chosen, () => modelsView(main, ctx)) : null));
  return null;
}

function modelCard(model, reload) {
  const xmlOf = (v) => `/api/models/${encodeURIComponent(model.key)}/versions/${v}/xml`;
  const error = el('div');
  const rows = [...model.versions].reverse().map((v) => el('tr', { dataset: { version: v.version } },
    el('td', {}, String(v.version), v.active ? el('span', {}, ' ', badge(t('models.active'), 'text-bg-success')) : null),
    el('td', {}, t(`models.source.${v.source}`),
      v.rollbackOf ? el('div', { class: 'small text-muted' }, t('models.rollbackOf', { version: v.rollbackOf })) : null),
    el('td', {}, v.deployedBy),
    el('td', {}, formatDateTime(v.deployedAt)),
    model.kind === 'process' ? el('td', {}, String(v.runningInstances)) : null,
    el('td', { class: 'text-nowrap' },
      el('a', { class: 'btn btn-sm btn-outline-secondary me-1', href: xmlOf(v.version), download: `${model.key}-v${v.version}.${model.kind === 'process' ? 'bpmn' : 'dmn'}` }, t('models.download')),
      v.active ? null : el('button', { type: 'button', class: 'btn btn-sm btn-outline-warning', dataset: { rollback: v.version }, onclick: async () => {
        clear(error);
        try {
          const done = await api(`/api/models/${encodeURIComponent(model.key)}/rollback`, { method: 'POST', body: { version: v.version } });
          toast(t('models.rolledBack', { key: model.key, from: v.version, version: done.version.version }), 'success');
          await reload();
        } catch (err) { error.append(errorBox(err)); }
      } }, t('models.rollback')))));

  const id = (what) => `model-${model.key}-${what}`;
  const file = el('input', { type: 'file', id: id('file'), class: 'form-control form-control-sm', accept: model.kind === 'process' ? '.bpmn,.xml' : '.dmn,.xml' });
  const cases = model.kind === 'decision'
    ? el('input', { type: 'file', id: id('cases'), class: 'form-control form-control-sm', accept: '.json,application/json' }) : null;
  const migrate = model.kind === 'process' ? el('input', { type: 'checkbox', id: id('migrate'), class: 'form-check-input' }) : null;
  const form = el('form', { class: 'row g-2 align-items-end', dataset: { upload: model.key }, onsubmit: async (e) => {
    e.preventDefault();
    clear(error);
    if (!file.files.length) { error.append(errorBox(new Error(t('models.noFile')))); return; }
    const data = new FormData();
    data.append('model', file.files[0]);
    if (cases && cases.files.length) data.append('cases', cases.files[0]);
    if (migrate && migrate.checked) data.append('migrate', 'true');
    try {
      const done = await api(`/api/models/${encodeURIComponent(model.key)}`, { method: 'POST', body: data });
      toast(t('models.uploaded', { key: model.key, version: done.version.version })
        + (done.migration.requested ? ` ${t('models.migration', done.migration)}` : ''), 'success');
      await reload();
    } catch (err) { error.append(errorBox(err)); }
  } },
  el('div', { class: 'col-md-5' }, el('label', { class: 'form-label small', for: id('file') }, t('models.file')), file),
  cases ? el('div', { class: 'col-md-5' }, el('label', { class: 'form-label small', for: id('cases') }, t('models.cases')), cases) : null,
  migrate ? el('div', { class: 'col-md-5 form-check ms-2' }, migrate, el('label', { class: 'form-check-label small', for: id('migrate') }, t('models.migrate'))) : null,
  el('div', { class: 'col-md-2' }, el('button', { type: 'submit', class: 'btn btn-sm btn-primary', id: id('upload') }, t('models.upload'))));

  return el('section', { class: 'card mb-3', id: `model-${model.key}`, dataset: { model: model.key } },
    el('div', { class: 'card-header d-flex justify-content-between align-items-center' },
      el('div', {}, el('strong', {}, model.name), ' ', el('code', { class: 'small' }, model.key), ' ',
        badge(t(`models.kind.${model.kind}`), 'text-bg-secondary')),
      el('span', { class: 'small text-muted', dataset: { active: model.activeVersion } }, t('models.activeVersion', { version: model.activeVersion }))),
    el('div', { class: 'card-body' },
      error, form,
      el('div', { class: 'table-responsive mt-3' }, el('table', { class: 'table table-sm align-middle mb-0' },
        el('thead', {}, el('tr', {},
          el('th', {}, t('models.col.version')), el('th', {}, t('models.col.source')), el('th', {}, t('models.col.by')),
          el('th', {}, t('models.col.at')), model.kind === 'process' ? el('th', {}, t('models.col.instances')) : null,
          el('th', {}, t('models.col.actions')))),
        el('tbody', {}, rows)))));
}
