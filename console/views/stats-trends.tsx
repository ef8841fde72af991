import { COUNTER_OUTCOMES, type DecisionTimes, type DeskTrends } from '../../src/domain/stats/trends.js';
import { BarChart, RowChart } from './charts.js';

const BLUE = '#2563eb';
const GREEN = '#059669';
const AMBER = '#d97706';
const OUTCOME_LABELS = { reinstated_no_answer: 'Reinstated, no answer in time', withdrawn: 'Complaint withdrawn', dispute_opened: 'Dispute opened', dispute_reinstated: 'Dispute: reinstated', dispute_upheld: 'Dispute: takedown upheld' } as const;
const OUTCOME_COLOURS = ['#0891b2', '#7c3aed', '#d97706', '#059669', '#b91c1c'];
export const WEEK_CHOICES = [4, 12, 26, 52] as const;

/** Seconds as hours (one decimal) below two days, else days. */
export function duration(seconds: number): string {
  const hours = seconds / 3600;
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} d`;
}

const share = (part: number, whole: number) => (whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`);

function timesRows(list: readonly DecisionTimes[]) {
  return list.map((t) => ({ key: t.key, values: [t.medianSeconds, t.p90Seconds], extra: [String(t.decided), share(t.within24h, t.decided)] }));
}

/** The desk over the last weeks: what came in, what was decided and how fast, what came of counter-notices. */
export function Trends(props: { trends: DeskTrends; weeks: number }) {
  const t = props.trends;
  const weeks = t.weeks.map((w) => w.week);
  const sharePct = t.weeks.map((w) => (w.decided === 0 ? null : Math.round((w.decidedWithin24h / w.decided) * 1000) / 10));
  const timeSeries = [{ label: 'Median', colour: BLUE, values: [] }, { label: '90th percentile', colour: AMBER, values: [] }];
  return (
    <section class="charts" aria-label="Over time">
      <div class="bar spread">
        <h2>Over the last {props.weeks} weeks</h2>
        <nav class="tabs" aria-label="Period">{WEEK_CHOICES.map((n) => <a href={`/stats?weeks=${n}`} aria-current={n === props.weeks ? 'true' : undefined}>{n} weeks</a>)}</nav>
      </div>
      <BarChart id="volume" title="Notices received and decided per week" categories={weeks} series={[{ label: 'Received', colour: BLUE, values: t.weeks.map((w) => w.received) }, { label: 'Decided', colour: GREEN, values: t.weeks.map((w) => w.decided) }]} />
      <BarChart id="within24h" title={`Share decided within 24 hours of arrival, per week (all weeks: ${share(t.decidedWithin24h, t.decided)} of ${t.decided})`} categories={weeks} series={[{ label: 'Within 24 h', colour: GREEN, values: sharePct }]} format={(v) => `${v}%`} />
      <RowChart id="platform-times" title="Time to decision per platform" keyLabel="Platform" rows={timesRows(t.byPlatform)} series={timeSeries} extraHeaders={['Decided', 'Within 24 h']} format={duration} empty="No notice was decided in these weeks." />
      <RowChart id="reviewer-times" title="Time to decision per reviewer" keyLabel="Reviewer" rows={timesRows(t.byReviewer)} series={timeSeries} extraHeaders={['Decided', 'Within 24 h']} format={duration} empty="No notice was decided in these weeks." />
      <BarChart id="counter-outcomes" title="Counter-notice outcomes per week" categories={weeks} stacked series={COUNTER_OUTCOMES.map((o, i) => ({ label: OUTCOME_LABELS[o], colour: OUTCOME_COLOURS[i]!, values: t.weeks.map((w) => w.counterOutcomes[o]) }))} />
    </section>
  );
}
