// Chart.js, only the parts the dashboard draws (tree-shaken; this module is loaded with the
// dashboard only, never with the console's first screen).
import { useEffect, useRef } from 'preact/hooks';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  data: number[];
  color: string;
}

interface Props {
  kind: 'bar' | 'line';
  labels: string[];
  series: Series[];
  /** What the chart shows, for screen readers (the numbers are also in tables beside it). */
  label: string;
  bulle: string;
}

export function ChartBox({ kind, labels, series, label, bulle }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: kind,
      data: {
        labels,
        datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color, borderColor: s.color, tension: 0.2 })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: series.length > 1 } },
      },
    });
    return () => chart.destroy();
  }, [kind, labels, series]);
  return (
    <div class="chart" data-bulle={bulle}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
