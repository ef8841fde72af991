/** The console's one stylesheet, served as /static/app.css (a module, so Workers need no asset upload). */
export const STYLES = `
:root{--bg:#f6f7f9;--panel:#fff;--ink:#111827;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb;--accent-ink:#fff;--ok:#047857;--warn:#b45309;--bad:#b91c1c;--chip:#eef2ff;--focus:0 0 0 3px rgba(37,99,235,.35);font:14px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg)}
*{box-sizing:border-box}body{margin:0}:lang(zh){font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
:focus-visible{outline:none;box-shadow:var(--focus);border-radius:4px}
.top{display:flex;align-items:center;gap:20px;padding:10px 24px;background:#0f172a;color:#e2e8f0}
.top .brand{font-weight:700;letter-spacing:.02em;color:#fff}.top nav{display:flex;gap:14px;flex:1}.top nav a{color:#cbd5e1}.top nav a[aria-current=page]{color:#fff;font-weight:600}
.top nav.languages{flex:0 0 auto;gap:4px}.top nav.languages a{padding:2px 10px;border:1px solid #334155;border-radius:999px;color:#cbd5e1}.top nav.languages a[aria-current=true]{background:#e2e8f0;color:#0f172a;border-color:#e2e8f0;font-weight:600}
.top form{margin:0}.top .who{color:#94a3b8;font-size:13px}
main{max-width:1400px;margin:0 auto;padding:20px 24px 60px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:0 0 10px}h3{font-size:14px;margin:14px 0 6px;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.muted{color:var(--muted)}.small{font-size:12px}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:16px;margin-bottom:16px}
.grid{display:grid;grid-template-columns:minmax(0,1.6fr) minmax(320px,1fr);gap:16px}
@media (max-width:900px){.grid{grid-template-columns:1fr}}
.tabs{display:flex;flex-wrap:wrap;gap:6px;margin:12px 0}
.tabs a{padding:4px 10px;border-radius:999px;background:var(--panel);border:1px solid var(--line);color:var(--ink);font-size:13px}
.tabs a[aria-current=true]{background:var(--accent);border-color:var(--accent);color:var(--accent-ink)}
.tabs .n{font-variant-numeric:tabular-nums;opacity:.75;margin-left:4px}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end}
label{display:block;font-size:12px;color:var(--muted);margin-bottom:2px}
input,select,textarea{font:inherit;max-width:100%;box-sizing:border-box;padding:6px 8px;border:1px solid #cbd5e1;border-radius:6px;background:#fff;color:var(--ink)}
textarea{width:100%;min-height:60px}.wide{width:100%}fieldset{border:1px dashed var(--line);border-radius:8px;margin:10px 0;padding:8px}.url{word-break:break-all}input[type=search]{min-width:260px}
button,.button{font:inherit;font-weight:600;padding:6px 14px;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:var(--accent-ink);cursor:pointer}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}button.danger{background:var(--bad);border-color:var(--bad)}
button.link{background:none;border:none;color:#cbd5e1;padding:0;font-weight:400}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.04em}
tr.row[aria-selected=true]{background:#eff6ff;box-shadow:inset 3px 0 var(--accent)}tr.row:hover{background:#f8fafc}
.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;background:var(--chip);color:#3730a3;white-space:nowrap}
.badge.in_review,.badge.received{background:#dbeafe;color:#1e40af}.badge.deficient,.badge.awaiting_complainant{background:#fef3c7;color:#92400e}
.badge.accepted,.badge.partially_accepted{background:#d1fae5;color:#065f46}.badge.rejected,.badge.disputed{background:#fee2e2;color:#991b1b}
.badge.reinstated,.badge.withdrawn,.badge.closed{background:#e5e7eb;color:#374151}.badge.counter_noticed{background:#fae8ff;color:#86198f}
.badge.sla{background:#fee2e2;color:#991b1b}
.alert{padding:10px 14px;border-radius:8px;margin-bottom:14px;border:1px solid}.alert.error{background:#fef2f2;border-color:#fecaca;color:#991b1b}.alert.ok{background:#ecfdf5;border-color:#a7f3d0;color:#065f46}
.field-error{color:var(--bad);font-size:12px;margin-top:2px}.field{margin-bottom:12px}.field input:not([type=checkbox]):not([type=radio]),.field select{width:100%}
dl.fields{display:grid;grid-template-columns:160px 1fr;gap:6px 12px;margin:0}dl.fields dt{color:var(--muted)}dl.fields dd{margin:0}
.evidence{display:block;font-size:12px;color:var(--muted);border-left:3px solid #c7d2fe;padding-left:8px;margin-top:2px;white-space:pre-wrap}
.message{white-space:pre-wrap;font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,monospace;background:#f8fafc;border:1px solid var(--line);border-radius:8px;padding:12px;max-height:480px;overflow:auto}
iframe.html{width:100%;height:420px;border:1px solid var(--line);border-radius:8px;background:#fff}
ul.checklist{list-style:none;padding:0;margin:0}ul.checklist li{padding:6px 0;border-bottom:1px dashed var(--line)}
.sev{font-weight:700;margin-right:6px}.sev.missing,.sev.invalid{color:var(--bad)}.sev.warning{color:var(--warn)}.sev.ok{color:var(--ok)}
ol.timeline{list-style:none;padding:0;margin:0;border-left:2px solid var(--line)}ol.timeline li{position:relative;padding:0 0 12px 16px}
ol.timeline li::before{content:"";position:absolute;left:-6px;top:5px;width:10px;height:10px;border-radius:50%;background:var(--accent)}
details.decide{border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin-bottom:8px;background:#fff}details.decide summary{cursor:pointer;font-weight:600}
details.decide[open]{box-shadow:0 1px 6px rgba(15,23,42,.08)}details.decide select{display:block;width:100%}.bar>select{min-width:0}
kbd{font:11px ui-monospace,monospace;border:1px solid #cbd5e1;border-bottom-width:2px;border-radius:4px;padding:0 4px;background:#fff;color:#334155}
.pager{display:flex;gap:8px;align-items:center;justify-content:flex-end;margin-top:12px}
.login{max-width:380px;margin:80px auto}.hint{font-size:12px;color:var(--muted)}
.bar{display:flex;align-items:center;gap:8px}.spread{justify-content:space-between}.panel.flush{padding:0;overflow:auto}meter{width:100%;height:12px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px;margin-bottom:16px}.kpi{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px}.kpi b{display:block;font-size:24px}
#help[hidden]{display:none}#help{position:fixed;right:20px;bottom:20px;background:#0f172a;color:#e2e8f0;padding:14px 18px;border-radius:10px;font-size:13px;box-shadow:0 10px 30px rgba(0,0,0,.3)}
#help kbd{background:#1e293b;color:#e2e8f0;border-color:#334155}
.bulk .bar{margin-bottom:6px}.bulk textarea{min-width:220px}
label.inline{display:inline-flex;gap:6px;align-items:center;font-weight:normal}
.note{white-space:pre-wrap;background:#fffbeb;border-left:3px solid #f59e0b;padding:6px 10px;margin:4px 0;border-radius:4px}
form.inline{display:inline}.views .view{display:inline-flex;align-items:center;gap:2px}td.subject{max-width:260px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.sla-past{color:#991b1b;font-weight:700;background:#fee2e2;padding:1px 6px;border-radius:6px}.sla-near{color:#92400e;font-weight:600;background:#fef3c7;padding:1px 6px;border-radius:6px}.sla-ok{color:#065f46}
table.queue td,table.queue th{padding:6px 6px;font-size:13px}.nowrap{white-space:nowrap}.views .tabs{margin:0}.views{padding:10px 16px}
select,textarea,input{max-width:100%}
.seen{margin-top:2px;color:#92400e;font-weight:600}
.message.whole{max-height:none}img.preview{max-width:100%;max-height:480px;border:1px solid var(--line);border-radius:8px;margin:6px 0;background:#fff}.public-form{max-width:880px;margin:0 auto}.public-form label.check{font-size:14px;color:var(--ink)}.public-form h2{margin-top:18px}.public-form .panel>h2:first-of-type{margin-top:0}
iframe.preview.pdf{display:block;width:100%;height:720px;border:1px solid var(--line);border-radius:8px;margin:6px 0;background:#525659}
.chart{margin:0 0 16px;background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:16px}.chart-body{display:grid;grid-template-columns:minmax(0,660px) minmax(0,1fr);gap:24px;align-items:start}@media (max-width:1000px){.chart-body{grid-template-columns:1fr}}.chart svg{max-width:100%;height:auto}
.chart-table{font-size:12px;width:auto;max-height:420px;overflow:auto;display:block}.chart-table tbody th{text-transform:none;white-space:nowrap;letter-spacing:0;color:var(--ink);font-weight:500}.chart-table td{text-align:right;font-variant-numeric:tabular-nums}.legend{display:flex;gap:12px;font-size:12px;color:var(--muted);margin:4px 0 0}
.charts{display:grid;grid-template-columns:1fr;gap:0}
`;
