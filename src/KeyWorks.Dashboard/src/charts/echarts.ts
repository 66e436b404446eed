// Only the chart types and components the dashboard draws, so the bundle carries no more of ECharts.
import { BarChart, CustomChart, LineChart, PieChart } from 'echarts/charts'
import {
  DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent,
} from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([
  BarChart, LineChart, PieChart, CustomChart,
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, MarkLineComponent, DataZoomComponent,
  CanvasRenderer,
])

export { graphic, init } from 'echarts/core'
export type { EChartsCoreOption, EChartsType } from 'echarts/core'
