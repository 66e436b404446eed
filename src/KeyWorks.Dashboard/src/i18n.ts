import { ref } from 'vue'

/** A small i18n of the chrome: Chinese by default, English on request; figures and data stay as recorded. */
export type Locale = 'zh' | 'en'

const dictionaries = {
  zh: {
    appName: 'KeyWorks 重点项目', overview: '驾驶舱', projects: '项目', problems: '问题', report: '上报', office: '办公室',
    queue: '审核队列', bulletins: '月通报', logout: '退出', login: '登录', username: '用户名', password: '密码',
    asOf: '统计截止', today: '今天', language: 'English', search: '查询', reset: '重置', export: '导出 Excel',
    loading: '加载中…', empty: '暂无数据', submit: '提交', cancel: '取消', confirm: '确认', reject: '退回', refresh: '刷新',
  },
  en: {
    appName: 'KeyWorks key projects', overview: 'Overview', projects: 'Projects', problems: 'Problems', report: 'Report', office: 'Office',
    queue: 'Review queue', bulletins: 'Bulletins', logout: 'Sign out', login: 'Sign in', username: 'User name', password: 'Password',
    asOf: 'As of', today: 'Today', language: '中文', search: 'Search', reset: 'Reset', export: 'Export to Excel',
    loading: 'Loading…', empty: 'No data', submit: 'Submit', cancel: 'Cancel', confirm: 'Confirm', reject: 'Reject', refresh: 'Refresh',
  },
} as const

export type MessageKey = keyof (typeof dictionaries)['zh']

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('keyworks.locale') : null
export const locale = ref<Locale>(stored === 'en' ? 'en' : 'zh')

export function t(key: MessageKey): string {
  return dictionaries[locale.value][key]
}

export function toggleLocale(): void {
  locale.value = locale.value === 'zh' ? 'en' : 'zh'
  localStorage.setItem('keyworks.locale', locale.value)
  document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en'
}
