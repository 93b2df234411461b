// Tree-shaken ECharts for Hedong Open: only the charts, components and renderer the site uses.
// Built by `npm run build:echarts` into .cache/vendor/echarts.min.js (esbuild, IIFE, es2018).
// registerMap (GeoJSON county boundaries) is part of echarts/core, so it needs no extra import.
// AriaComponent is required for `aria: {enabled: true}` (aria-label + role="img" on the chart).
import * as echarts from 'echarts/core';
import { BarChart, MapChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  MapChart,
  BarChart,
  PieChart,
  TooltipComponent,
  VisualMapComponent,
  TitleComponent,
  LegendComponent,
  GridComponent,
  AriaComponent,
  SVGRenderer,
]);

window.echarts = echarts;
