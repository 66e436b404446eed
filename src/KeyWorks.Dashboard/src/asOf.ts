import { computed, ref } from 'vue'
import { endOfDayAsOf } from './format'

/** The as-of date every read screen queries with; null means now. Shared so moving between pages keeps it. */
export const asOfDate = ref<string | null>(null)

/** The `asOf` argument: the end of the chosen day in China Standard Time, or null for now. */
export const asOfArgument = computed(() => (asOfDate.value ? endOfDayAsOf(asOfDate.value) : null))
