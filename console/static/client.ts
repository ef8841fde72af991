/**
 * The console's only script, served as /static/app.js: keyboard shortcuts.
 * Everything works without it; it only saves reviewers the mouse.
 */
export const CLIENT_SCRIPT = `(() => {
  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  const rows = () => Array.from(document.querySelectorAll('tr.row'));
  let current = -1;
  const select = (i) => {
    const list = rows();
    if (!list.length) return;
    current = Math.max(0, Math.min(list.length - 1, i));
    list.forEach((r, n) => r.setAttribute('aria-selected', String(n === current)));
    list[current].scrollIntoView({ block: 'nearest' });
    const link = list[current].querySelector('a');
    if (link) link.focus({ preventScroll: true });
  };
  const click = (sel) => { const el = document.querySelector(sel); if (el) { el.click(); return true; } return false; };
  const open = (sel) => { const d = document.querySelector(sel); if (!d) return false; d.open = true; const f = d.querySelector('input:not([type=hidden]),select,textarea,button'); if (f) f.focus(); return true; };
  document.addEventListener('keydown', (e) => {
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    if (typing(document.activeElement)) { if (e.key === 'Escape') document.activeElement.blur(); return; }
    const k = e.key;
    let handled = true;
    if (k === '/') { const s = document.querySelector('input[type=search]'); if (s) s.focus(); }
    else if (k === 'j') select(current + 1);
    else if (k === 'k') select(current - 1);
    else if ((k === 'Enter' || k === 'o') && current >= 0) { const a = rows()[current].querySelector('a'); if (a) a.click(); }
    else if (k === 'n') click('a[rel=next]');
    else if (k === 'p') click('a[rel=prev]');
    else if (k === 'g') location.href = '/';
    else if (k === 'a') click('#assign-me');
    else if (k === 'c') open('#decide-accept');
    else if (k === 'x') open('#decide-reject');
    else if (k === 'i') open('#decide-info');
    else if (k === 'd') open('#decide-duplicate');
    else if (/^[1-9]$/.test(k)) { const box = document.querySelectorAll('input[name=listings]')[Number(k) - 1]; if (box) box.click(); }
    else if (k === '?') { const h = document.getElementById('help'); if (h) h.hidden = !h.hidden; }
    else handled = false;
    // The key that moved focus into a field must not also be typed into it.
    if (handled) e.preventDefault();
  });
  document.querySelectorAll('[data-confirm]').forEach((form) => form.addEventListener('submit', (e) => {
    if (!confirm(form.getAttribute('data-confirm'))) e.preventDefault();
  }));
  if (rows().length && !location.hash) select(0);
})();`;
