import { useEffect, useRef } from 'react';

export interface ChartSeries {
  name: string;
  values: number[];
}

/**
 * A thin React wrapper around one ECharts bar chart per agency. ECharts is loaded on first render
 * (echarts-setup.ts, a chunk of its own). The canvas is decorative for assistive technology: the
 * same numbers are in the table beside it, which `label` names.
 */
export function AgencyChart({
  categories,
  series,
  label,
}: {
  categories: string[];
  series: ChartSeries[];
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    let resize: (() => void) | undefined;
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed || !host.current) return;
      const chart = echarts.init(host.current, undefined, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        // Tooltips drawn in the canvas, not as HTML with inline styles (the CSP refuses those).
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
      });
      resize = () => chart.resize();
      window.addEventListener('resize', resize);
      dispose = () => chart.dispose();
      host.current.dataset.chartReady = 'true';
    });
    return () => {
      disposed = true;
      if (resize) window.removeEventListener('resize', resize);
      dispose?.();
    };
  }, [categories, series]);
  return <div ref={host} className="agency-chart" role="img" aria-label={label} />;
}
