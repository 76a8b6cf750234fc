// The user's own settings: display name, language and time zone, kept by the server (/api/me).
import { state, el, clear, t, api, errorBox, toast, hooks, SUPPORTED_LOCALES } from '../core.js';

export async function settingsView(main) {
  const me = await api('/api/me');
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Seoul', 'UTC'];
  if (!zones.includes(me.user.timeZone)) zones.unshift(me.user.timeZone);
  const displayName = el('input', { id: 'settings-name', class: 'form-control', value: me.user.displayName || '' });
  const locale = el('select', { id: 'settings-locale', class: 'form-select' },
    SUPPORTED_LOCALES.map((c) => el('option', { value: c, selected: c === me.user.locale }, t(`language.${c}`))));
  const zone = el('select', { id: 'settings-zone', class: 'form-select' },
    zones.map((z) => el('option', { value: z, selected: z === me.user.timeZone }, z)));
  const error = el('div');
  clear(main, el('div', { class: 'row justify-content-center' }, el('div', { class: 'col-lg-6' },
    el('h1', { class: 'h4 mb-3' }, t('settings.title')),
    el('form', { class: 'card card-body', id: 'settings-form', onsubmit: async (e) => {
      e.preventDefault();
      clear(error);
      try {
        const updated = await api('/api/me', { method: 'PATCH', body: { displayName: displayName.value.trim() || null, locale: locale.value, timeZone: zone.value } });
        toast(t('settings.saved'), 'success', 3000);
        await hooks.preferencesChanged(updated);
      } catch (err) { error.append(errorBox(err)); }
    } },
    error,
    el('dl', { class: 'row small' },
      el('dt', { class: 'col-4 text-muted fw-normal' }, t('settings.username')), el('dd', { class: 'col-8' }, me.user.username),
      el('dt', { class: 'col-4 text-muted fw-normal' }, t('settings.roles')), el('dd', { class: 'col-8' }, me.user.roles.map((r) => t(`role.${r}`)).join(', ')),
      el('dt', { class: 'col-4 text-muted fw-normal' }, t('settings.groups')), el('dd', { class: 'col-8' }, me.groups.join(', ') || '—')),
    el('div', { class: 'mb-3' }, el('label', { class: 'form-label', for: 'settings-name' }, t('settings.displayName')), displayName),
    el('div', { class: 'mb-3' }, el('label', { class: 'form-label', for: 'settings-locale' }, t('settings.language')), locale),
    el('div', { class: 'mb-3' }, el('label', { class: 'form-label', for: 'settings-zone' }, t('settings.timeZone')), zone,
      el('div', { class: 'form-text' }, t('settings.timeZoneHelp', { zone: state.timeZone }))),
    el('button', { type: 'submit', class: 'btn btn-primary', id: 'settings-save' }, t('action.save'))))));
  return null;
}
