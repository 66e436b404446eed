// Only the chart types and components the dashboard draws, so the bundle carries no more of ECharts.
import { BarChart, CustomChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([
  BarChart, LineChart, PieChart, CustomChart,
  GridComponent, TooltipComponent, LegendComponent, MarkLineComponent,
  CanvasRenderer,
])

export { init } from 'echarts/core'
export type { EChartsCoreOption, EChartsType } from 'echarts/core'
