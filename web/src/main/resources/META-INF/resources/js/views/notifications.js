// The notification bell: what the signed-in agent was told (an @mention in a note), with the unread count.
import { el, clear, t, api, formatDateTime, toast } from '../core.js';

/** The bell for the navigation bar: {element, refresh()}; refresh() is called on each live notification. */
export function notificationBell() {
  const count = el('span', { class: 'badge rounded-pill text-bg-danger notif-count', id: 'notif-count', hidden: true }, '0');
  const list = el('div', { class: 'list-group list-group-flush', id: 'notif-list' });
  const markAll = el('button', { type: 'button', class: 'btn btn-link btn-sm p-0', id: 'notif-read-all', onclick: async () => {
    try { await api('/api/notifications/read-all', { method: 'POST' }); await refresh(); } catch (e) { toast(e.message, 'danger'); }
  } }, t('notifications.markAllRead'));
  const panel = el('div', { class: 'notif-panel card shadow', id: 'notif-panel', hidden: true, role: 'dialog', 'aria-label': t('notifications.title') },
    el('div', { class: 'card-header d-flex justify-content-between align-items-center py-2' },
      el('strong', { class: 'small' }, t('notifications.title')), markAll),
    list);
  const button = el('button', { type: 'button', class: 'btn btn-sm btn-outline-light position-relative', id: 'notif-bell',
    'aria-haspopup': 'dialog', 'aria-expanded': 'false', title: t('notifications.title'), onclick: () => toggle() },
  bellIcon(), el('span', { class: 'visually-hidden' }, t('notifications.title')), ' ', count);
  const element = el('div', { class: 'notif-bell position-relative' }, button, panel);
  let items = [];

  function toggle(open = panel.hidden) {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      document.addEventListener('click', outside, true);
      refresh();
    } else {
      document.removeEventListener('click', outside, true);
    }
  }

  function outside(event) {
    if (!element.contains(event.target)) toggle(false);
  }

  async function open(n) {
    try {
      if (!n.read) await api(`/api/notifications/${n.id}/read`, { method: 'POST' });
    } catch (e) { /* reading it matters more than the mark */ }
    toggle(false);
    if (n.ticketKey) window.location.hash = `#/tickets/${n.ticketKey}`;
    refresh();
  }

  function render(unread) {
    count.textContent = String(unread);
    count.hidden = unread === 0;
    button.setAttribute('aria-label', t('notifications.unread', { n: unread }));
    markAll.disabled = unread === 0;
    clear(list, items.length ? items.map((n) => el('button', {
      type: 'button', class: `list-group-item list-group-item-action small notif-item${n.read ? '' : ' notif-unread'}`,
      dataset: { id: n.id, key: n.ticketKey || '', read: String(n.read) }, onclick: () => open(n) },
    el('div', {}, t(`notifications.kind.${n.kind}`, { who: n.actor, key: n.ticketKey || '' })),
    n.ticketTitle ? el('div', { class: 'text-muted text-truncate' }, n.ticketTitle) : null,
    n.excerpt ? el('div', { class: 'notif-excerpt text-truncate' }, n.excerpt) : null,
    el('div', { class: 'text-muted' }, formatDateTime(n.createdAt))))
      : el('div', { class: 'list-group-item small text-muted', id: 'notif-empty' }, t('notifications.none')));
  }

  async function refresh() {
    try {
      const inbox = await api('/api/notifications');
      items = inbox.items || [];
      render(inbox.unread || 0);
    } catch (e) {
      // the bell stays as it was; the next live notification asks again
    }
  }

  refresh();
  return { element, refresh };
}

/** A bell drawn as SVG (an emoji needs a font that a server's browser may not have). Bootstrap Icons' bell-fill, MIT. */
function bellIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('fill', 'currentColor');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M8 16a2 2 0 0 0 2-2H6a2 2 0 0 0 2 2zm.995-14.901a1 1 0 1 0-1.99 0A5.002 5.002 0 0 0 3 6c0 1.098-.5 6-2 7h14c-1.5-1-2-5.902-2-7 0-2.42-1.72-4.44-4.005-4.901z');
  svg.append(path);
  return svg;
}
