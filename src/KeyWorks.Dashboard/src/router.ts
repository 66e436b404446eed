import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { request, whenSignedOut } from './api'
import { MeQuery } from './api/documents/auth'
import type { Role } from './api/scalars'
import { session, signOut } from './api/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that may open the page; any signed-in user when absent. */
    roles?: Role[]
    public?: boolean
    title?: string
  }
}

const readers: Role[] = ['OFFICE', 'LEADER', 'AUDITOR']

// Pages are loaded when first opened, so the phone of a contractor never downloads the cockpit's charts.
const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true, title: '登录' } },
  { path: '/overview', name: 'overview', component: () => import('./views/OverviewView.vue'), meta: { roles: readers, title: '驾驶舱' } },
  { path: '/projects', name: 'projects', component: () => import('./views/ProjectsView.vue'), meta: { title: '项目' } },
  { path: '/projects/:id', name: 'project', component: () => import('./views/ProjectView.vue'), props: true, meta: { title: '项目详情' } },
  { path: '/problems', name: 'problems', component: () => import('./views/ProblemsView.vue'), meta: { title: '问题' } },
  { path: '/report', name: 'report', component: () => import('./views/ReportView.vue'), meta: { roles: ['CONTRACTOR'], title: '上报' } },
  { path: '/office/queue', name: 'queue', component: () => import('./views/QueueView.vue'), meta: { roles: ['OFFICE'], title: '审核队列' } },
  { path: '/bulletins', name: 'bulletins', component: () => import('./views/BulletinsView.vue'), meta: { roles: readers, title: '月通报' } },
  { path: '/:pathMatch(.*)*', name: 'home', component: { render: () => null } },
]

/** Where each role starts. */
export function homeOf(role: Role | undefined): string {
  switch (role) {
    case 'CONTRACTOR': return '/report'
    case 'OFFICE': return '/overview'
    case 'LEADER': return '/overview'
    case 'AUDITOR': return '/overview'
    default: return '/login'
  }
}

// Hash history: the server serves one index.html at /app/ and needs no fallback route for deep links.
export const router = createRouter({ history: createWebHashHistory(), routes })

whenSignedOut(() => {
  void router.replace({ name: 'login', query: { next: router.currentRoute.value.fullPath } })
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  if (!session.token) return { name: 'login', query: to.name === 'home' ? {} : { next: to.fullPath } }
  if (!session.user) {
    try {
      const { me } = await request(MeQuery)
      if (!me) {
        signOut()
        return { name: 'login' }
      }
      session.user = me
    } catch {
      return { name: 'login', query: { next: to.fullPath } }
    }
  }
  const role = session.user.role
  if (to.name === 'home') return homeOf(role)
  if (to.meta.roles && !to.meta.roles.includes(role)) return homeOf(role)
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · KeyWorks` : 'KeyWorks'
})
