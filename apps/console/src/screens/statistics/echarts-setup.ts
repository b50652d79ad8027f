// Only the parts of Apache ECharts the statistics screen draws with, registered once: the screen
// imports this module lazily, so the chart library is a chunk of its own that no other screen
// (and not the sign-in page) downloads (test/bench/console-budget.bench.ts).
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// The canvas renderer: the console's Content Security Policy allows no inline style attributes,
// which the SVG renderer and HTML tooltips would write.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
