/**
 * Charts drawn on the server as SVG (no script), each with its figures in a
 * table beside it: the table is what a screen reader reads, the drawing is
 * hidden from it.
 */

export interface Series {
  label: string;
  /** A fill colour; an attribute, so the CSP's style rules do not apply. */
  colour: string;
  /** One value per category; null where there is nothing to show (drawn as no bar, written as a dash). */
  values: readonly (number | null)[];
}

const W = 640;
const H = 240;
const PAD = { left: 44, right: 8, top: 10, bottom: 34 };

/** A round step for the axis: 1, 2 or 5 times a power of ten, giving about four lines. */
function niceStep(max: number): number {
  const rough = Math.max(max, 4) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
}

function Legend(props: { series: readonly Series[] }) {
  return (
    <p class="legend" aria-hidden="true">
      {props.series.map((s) => <span><svg role="img" aria-label={s.label} width="10" height="10" viewBox="0 0 10 10"><rect width="10" height="10" fill={s.colour} /></svg> {s.label}</span>)}
    </p>
  );
}

/** Bars per category: side by side, or stacked when `stacked`. */
export function BarChart(props: { id: string; title: string; categories: readonly string[]; series: readonly Series[]; stacked?: boolean; format?: (v: number) => string; unit?: string }) {
  const fmt = props.format ?? String;
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '–' : fmt(v));
  const totals = props.categories.map((_, i) => (props.stacked ? props.series.reduce((n, s) => n + (s.values[i] ?? 0), 0) : Math.max(0, ...props.series.map((s) => s.values[i] ?? 0))));
  const step = niceStep(Math.max(0, ...totals));
  const top = step * Math.max(1, Math.ceil(Math.max(0, ...totals) / step));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, props.categories.length);
  const barW = props.stacked ? slot * 0.7 : (slot * 0.8) / props.series.length;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const labelEvery = Math.ceil(props.categories.length / 12);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}><h2>{props.title}</h2></figcaption>
      <div class="chart-body">
        <div>
          <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true" data-chart={props.id}>
            {ticks.map((t) => (
              <g>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e5e7eb" />
                <text x={PAD.left - 6} y={y(t) + 4} text-anchor="end" font-size="11" fill="#6b7280">{fmt(t)}</text>
              </g>
            ))}
            {props.categories.map((cat, i) => {
              let base = 0;
              return (
                <g>
                  {props.series.map((s, j) => {
                    const v = s.values[i] ?? 0;
                    const x = PAD.left + i * slot + (props.stacked ? slot * 0.15 : slot * 0.1 + j * barW);
                    const from = props.stacked ? base : 0;
                    base += props.stacked ? v : 0;
                    return v > 0 ? <rect x={x.toFixed(1)} y={y(from + v).toFixed(1)} width={barW.toFixed(1)} height={(y(from) - y(from + v)).toFixed(1)} fill={s.colour}><title>{`${cat} · ${s.label}: ${fmt(v)}`}</title></rect> : null;
                  })}
                  {i % labelEvery === 0 ? <text x={(PAD.left + i * slot + slot / 2).toFixed(1)} y={H - PAD.bottom + 14} text-anchor="middle" font-size="10" fill="#6b7280">{cat.slice(5)}</text> : null}
                </g>
              );
            })}
            <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#9ca3af" />
          </svg>
          <Legend series={props.series} />
        </div>
        <table class="chart-table" aria-label={props.title}>
          <thead><tr><th scope="col">{props.categories.length && /^\d{4}-/.test(props.categories[0]!) ? 'Week of' : ''}</th>{props.series.map((s) => <th scope="col">{s.label}{props.unit ? ` (${props.unit})` : ''}</th>)}</tr></thead>
          <tbody>{props.categories.map((cat, i) => <tr><th scope="row">{cat}</th>{props.series.map((s) => <td>{cell(s.values[i])}</td>)}</tr>)}</tbody>
        </table>
      </div>
    </figure>
  );
}

/** Horizontal bars, one row per key, one bar per series: for comparing platforms or reviewers. */
export function RowChart(props: { id: string; title: string; keyLabel: string; rows: readonly { key: string; values: readonly number[]; extra?: readonly string[] }[]; series: readonly Series[]; extraHeaders?: readonly string[]; format: (v: number) => string; empty: string }) {
  const max = Math.max(1, ...props.rows.flatMap((r) => r.values));
  const rowH = 10 * props.series.length + 12;
  const labelW = 150;
  const plotW = W - labelW - 70;
  const h = Math.max(rowH, props.rows.length * rowH) + 4;
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}><h2>{props.title}</h2></figcaption>
      {props.rows.length === 0 ? <p class="muted">{props.empty}</p> : (
        <div class="chart-body">
          <div>
            <svg viewBox={`0 0 ${W} ${h}`} width={W} height={h} aria-hidden="true" data-chart={props.id}>
              {props.rows.map((r, i) => (
                <g>
                  <text x={labelW - 6} y={i * rowH + rowH / 2 + 4} text-anchor="end" font-size="11" fill="#111827">{r.key.length > 24 ? `${r.key.slice(0, 23)}…` : r.key}</text>
                  {props.series.map((s, j) => {
                    const v = r.values[j] ?? 0;
                    const w = (v / max) * plotW;
                    return (
                      <g>
                        <rect x={labelW} y={i * rowH + 6 + j * 10} width={w.toFixed(1)} height="8" fill={s.colour}><title>{`${r.key} · ${s.label}: ${props.format(v)}`}</title></rect>
                        <text x={(labelW + w + 4).toFixed(1)} y={i * rowH + 13 + j * 10} font-size="10" fill="#374151">{props.format(v)}</text>
                      </g>
                    );
                  })}
                </g>
              ))}
            </svg>
            <Legend series={props.series} />
          </div>
          <table class="chart-table" aria-label={props.title}>
            <thead><tr><th scope="col">{props.keyLabel}</th>{props.series.map((s) => <th scope="col">{s.label}</th>)}{(props.extraHeaders ?? []).map((x) => <th scope="col">{x}</th>)}</tr></thead>
            <tbody>{props.rows.map((r) => <tr><th scope="row">{r.key}</th>{r.values.map((v) => <td>{props.format(v)}</td>)}{(r.extra ?? []).map((x) => <td>{x}</td>)}</tr>)}</tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
