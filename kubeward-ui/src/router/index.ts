// Console routes. The server forwards each top-level path below to index.html (see
// io.kubeward.server.web.console.ConsoleRoutes), so a refresh on /pods loads the console.

import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { ApiError } from '@/api/problem'
import { loadClusters, loadMe, session } from '@/state/session'

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('@/components/AppLayout.vue'),
    children: [
      { path: '', redirect: '/overview' },
      { path: 'password', name: 'password', component: () => import('@/views/PasswordView.vue') },
      { path: 'overview', name: 'overview', component: () => import('@/views/OverviewView.vue') },
      { path: 'nodes', name: 'nodes', component: () => import('@/views/NodesView.vue') },
      { path: 'nodes/:name', name: 'node', component: () => import('@/views/NodeDetailView.vue') },
      { path: 'maintenances', name: 'maintenances', component: () => import('@/views/MaintenancesView.vue') },
      { path: 'maintenances/:name', name: 'maintenance', component: () => import('@/views/MaintenanceDetailView.vue') },
      { path: 'node-health', name: 'node-health', component: () => import('@/views/NodeHealthView.vue') },
      { path: 'namespaces', name: 'namespaces', component: () => import('@/views/NamespacesView.vue') },
      { path: 'workloads/:kind?', name: 'workloads', component: () => import('@/views/WorkloadsView.vue') },
      { path: 'pods', name: 'pods', component: () => import('@/views/PodsView.vue') },
      { path: 'network/:kind?', name: 'network', component: () => import('@/views/NetworkView.vue') },
      { path: 'config/:kind?', name: 'config', component: () => import('@/views/ConfigView.vue') },
      { path: 'events', name: 'events', component: () => import('@/views/EventsView.vue') },
      { path: 'yaml', name: 'yaml', component: () => import('@/views/YamlView.vue') },
      { path: 'users', name: 'users', component: () => import('@/views/UsersView.vue'), meta: { admin: true } },
      { path: 'audit', name: 'audit', component: () => import('@/views/AuditView.vue'), meta: { admin: true } },
      { path: ':path(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
    ],
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  if (!session.me) {
    try {
      await loadMe()
    } catch (error) {
      if (error instanceof ApiError && error.status !== 401) {
        // The server answered something else (e.g. not reachable): the sign-in page shows it.
        console.warn('Could not read the signed-in user', error.problem)
      }
      return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
    }
  }
  if (session.me?.mustChangePassword && to.name !== 'password') return { name: 'password' }
  if (to.meta.admin && !session.me?.admin) return { name: 'overview' }
  if (session.clusters.length === 0) {
    await loadClusters().catch(() => undefined)
  }
  return true
})
