import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export interface DailyPoint {
  date: string;
  value: number | null;
}

/** A daily series on a canvas (Chart.js); `null` values ("not yet measured") leave a gap. */
export function DailyChart(props: {
  id: string;
  title: string;
  kind: 'line' | 'bar';
  points: readonly DailyPoint[];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { kind, points } = props;
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: kind,
      data: {
        labels: points.map((p) => p.date),
        datasets: [
          {
            label: props.title,
            data: points.map((p) => p.value),
            borderColor: '#1971c2',
            backgroundColor: 'rgba(25, 113, 194, 0.45)',
            pointRadius: 2,
          },
        ],
      },
      // No animation: the chart is drawn at once (and screenshots show it whole).
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
      },
    });
    return () => chart.destroy();
  }, [kind, points]);

  const measured = points.filter((p) => p.value !== null).length;
  return (
    <figure data-testid={`chart-${props.id}`} data-points={measured}>
      <figcaption>
        {props.title} <small>({measured} days)</small>
      </figcaption>
      <div class="chart">
        <canvas ref={canvas} />
      </div>
    </figure>
  );
}
