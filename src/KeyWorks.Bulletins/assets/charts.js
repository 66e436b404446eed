// The parts of Apache ECharts the bulletin's charts use (see Charts/BulletinCharts.cs), drawn as SVG.
// A chart type or component added there must be registered here: ECharts skips an unregistered one without an
// error (the test the_echarts_bundle_has_what_the_charts_use compares the two).
import * as echarts from 'echarts/core';
import { BarChart, LineChart, LinesChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, LinesChart, PieChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

// bulletin.js reads the global, as with the full build.
window.echarts = echarts;
