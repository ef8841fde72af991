/**
 * The console's only script, served as /static/app.js: keyboard shortcuts and row selection.
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
  const open = (sel) => { const d = document.querySelector(sel); if (d) { d.open = true; const f = d.querySelector('input:not([type=hidden]),select,textarea,button'); if (f) f.focus(); } };
  const PANELS = { c: '#decide-accept', x: '#decide-reject', i: '#decide-info', d: '#decide-duplicate' };
  document.addEventListener('keydown', (e) => {
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    if (typing(document.activeElement)) { if (e.key === 'Escape') document.activeElement.blur(); return; }
    const k = e.key;
    if (k === '/') { e.preventDefault(); const s = document.querySelector('input[type=search]'); if (s) s.focus(); }
    else if (k === 'j') select(current + 1);
    else if (k === 'k') select(current - 1);
    else if ((k === 'Enter' || k === 'o') && current >= 0) { const a = rows()[current].querySelector('a'); if (a) a.click(); }
    else if (k === 'n') click('a[rel=next]');
    else if (k === 'p') click('a[rel=prev]');
    else if (k === 'g') location.href = '/';
    else if (k === 'a') click('#assign-me');
    // The key opens a panel and focuses its first field: it must not also be typed into that field.
    else if (PANELS[k]) { e.preventDefault(); open(PANELS[k]); }
    else if (/^[1-9]$/.test(k)) { const box = document.querySelectorAll('input[name=listings]')[Number(k) - 1]; if (box) box.click(); }
    else if (k === '?') { const h = document.getElementById('help'); if (h) h.hidden = !h.hidden; }
  });
  document.querySelectorAll('[data-confirm]').forEach((form) => form.addEventListener('submit', (e) => {
    if (!confirm(form.getAttribute('data-confirm'))) e.preventDefault();
  }));
  // Bulk selection: the header box ticks the page; shift-click ticks the range since the last box clicked.
  const picks = () => Array.from(document.querySelectorAll('input.pick'));
  const counter = document.getElementById('picked-count');
  const recount = () => { if (counter) counter.textContent = picks().filter((p) => p.checked).length + ' selected'; };
  let last = -1;
  picks().forEach((box, i) => box.addEventListener('click', (e) => {
    if (e.shiftKey && last >= 0) { const [a, b] = [Math.min(last, i), Math.max(last, i)]; picks().slice(a, b + 1).forEach((p) => { p.checked = box.checked; }); }
    last = i;
    recount();
  }));
  const all = document.getElementById('pick-all');
  if (all) all.addEventListener('change', () => { picks().forEach((p) => { p.checked = all.checked; }); recount(); });
  // A macro picked from the list is written into its note at once (without the script, the server adds it on sending).
  document.querySelectorAll('select.macro').forEach((picker) => picker.addEventListener('change', () => {
    const option = picker.selectedOptions[0];
    const target = document.getElementById(picker.getAttribute('data-target'));
    if (!option || !option.value || !target) return;
    const text = option.getAttribute('data-text') || '';
    target.value = target.value.trim() ? target.value.trimEnd() + '\\n\\n' + text : text;
    picker.value = '';
    target.focus();
  }));
  if (rows().length && !location.hash) select(0);
})();`;
