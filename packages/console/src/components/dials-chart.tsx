/**
 * @module
 * The last 60 s of dial starts against the trunk's CPS budget: an inline SVG bar chart, one bar
 * per second, with the budget as a dashed line. Its numbers are also said in text (`aria-label`
 * and the caption), for those who cannot see the chart.
 */

const WIDTH = 300;
const HEIGHT = 80;

export function DialsChart({ dials, cps }: { dials: number[]; cps: number }) {
  const top = Math.max(cps, ...dials, 1) * 1.15;
  const barWidth = WIDTH / dials.length;
  const y = (value: number) => HEIGHT - (value / top) * HEIGHT;
  /** A second with dials is never thinner than this, however large the budget. */
  const MIN_BAR = 2;
  const barTop = (n: number) => Math.min(y(n), HEIGHT - MIN_BAR);
  const total = dials.reduce((sum, n) => sum + n, 0);
  const peak = Math.max(0, ...dials);
  const summary = `${total} dials in the last 60 s, at most ${peak} in one second, budget ${cps} per second`;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
        {dials.map((n, i) =>
          n > 0 ? (
            <rect
              key={i}
              class={n > cps ? 'bar bar-over' : 'bar'}
              x={i * barWidth + 0.5}
              y={barTop(n)}
              width={Math.max(barWidth - 1, 1)}
              height={HEIGHT - barTop(n)}
            />
          ) : null,
        )}
        <line class="budget" x1="0" x2={WIDTH} y1={y(cps)} y2={y(cps)} />
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
