// Console routes. The server forwards each top-level path below to index.html (see
// io.kubeward.server.web.console.ConsoleRoutes), so a refresh on /pods loads the console.

import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { ApiError } from '@/shared/api/problem'
import { loadClusters, loadMe, session } from '@/shared/state/session'

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/features/user/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('./AppLayout.vue'),
    children: [
      { path: '', redirect: '/overview' },
      { path: 'password', name: 'password', component: () => import('@/features/user/PasswordView.vue') },
      { path: 'overview', name: 'overview', component: () => import('@/features/cluster/OverviewView.vue') },
      { path: 'nodes', name: 'nodes', component: () => import('@/features/node/NodesView.vue') },
      { path: 'nodes/:name', name: 'node', component: () => import('@/features/node/NodeDetailView.vue') },
      { path: 'maintenances', name: 'maintenances', component: () => import('@/features/maintenance/MaintenancesView.vue') },
      { path: 'maintenances/:name', name: 'maintenance', component: () => import('@/features/maintenance/MaintenanceDetailView.vue') },
      { path: 'node-health', name: 'node-health', component: () => import('@/features/node/NodeHealthView.vue') },
      { path: 'namespaces', name: 'namespaces', component: () => import('@/features/cluster/NamespacesView.vue') },
      { path: 'workloads/:kind?', name: 'workloads', component: () => import('@/features/cluster/WorkloadsView.vue') },
      { path: 'pods', name: 'pods', component: () => import('@/features/cluster/PodsView.vue') },
      { path: 'network/:kind?', name: 'network', component: () => import('@/features/cluster/NetworkView.vue') },
      { path: 'config/:kind?', name: 'config', component: () => import('@/features/cluster/ConfigView.vue') },
      { path: 'events', name: 'events', component: () => import('@/features/events/EventsView.vue') },
      { path: 'usage/:tab?', name: 'usage', component: () => import('@/features/usage/UsageView.vue') },
      { path: 'promql', name: 'promql', component: () => import('@/features/usage/PromqlView.vue') },
      { path: 'logs', name: 'logs', component: () => import('@/features/logs/LogsView.vue') },
      { path: 'yaml', name: 'yaml', component: () => import('@/features/resource/YamlView.vue') },
      { path: 'users', name: 'users', component: () => import('@/features/user/UsersView.vue'), meta: { admin: true } },
      { path: 'objects/:kind/:name', name: 'object', component: () => import('@/features/object/ObjectView.vue') },
      { path: 'audit', name: 'audit', component: () => import('@/features/audit/AuditView.vue'), meta: { admin: true } },
      { path: 'findings', name: 'findings', component: () => import('@/features/diagnostics/FindingsView.vue') },
      { path: 'terminal/:namespace/:pod', name: 'terminal', component: () => import('@/features/exec/TerminalView.vue') },
      { path: 'cluster-settings', name: 'cluster-settings', component: () => import('@/features/exec/ClusterSettingsView.vue') },
      // --- alerting channels ---
      { path: 'alerts/channels', name: 'alert-channels', component: () => import('@/features/alerts/channels/ChannelsView.vue'), meta: { admin: true } },
      // --- alerting routing ---
      { path: 'alerts/silences', name: 'alert-silences', component: () => import('@/features/alerts/routing/SilencesView.vue') },
      { path: 'alerts/policy', name: 'alert-policy', component: () => import('@/features/alerts/routing/PolicyView.vue'), meta: { admin: true } },
      // --- alerting engine ---
      { path: 'alerts', name: 'alerts', component: () => import('@/features/alerts/AlertsView.vue') },
      { path: 'alerts/history', name: 'alert-history', component: () => import('@/features/alerts/AlertHistoryView.vue') },
      { path: 'alerts/:fingerprint', name: 'alert', component: () => import('@/features/alerts/AlertDetailView.vue') },
      // --- alerting rules ---
      { path: 'alerts/rules', name: 'alert-rules', component: () => import('@/features/alerts/rules/AlertRulesView.vue') },
      // --- issue 15 workloads ---
      { path: 'workloads/:kind/:namespace/:name', name: 'workload', component: () => import('@/features/workloads/WorkloadDetailView.vue') },
      // --- issue 15 release ---
      { path: 'releases', name: 'releases', component: () => import('@/features/releases/ReleasesView.vue') },
      { path: 'releases/:namespace/:name', name: 'release', component: () => import('@/features/releases/ReleaseDetailView.vue') },
      // --- issue 16 backup
      { path: 'backups', name: 'backups', component: () => import('@/features/backups/BackupsView.vue') },
      { path: 'backups/:namespace/:name', name: 'backup', component: () => import('@/features/backups/BackupDetailView.vue') },
      // --- issue 16 archive ---
      { path: 'backups/locations', name: 'backup-locations', component: () => import('@/features/backups/locations/LocationsView.vue'), meta: { admin: true } },
      // --- issue 16 etcd ---
      { path: 'etcd', name: 'etcd', component: () => import('@/features/etcd/EtcdView.vue'), meta: { admin: true } },
      // --- issue 16 restore ---
      { path: 'restores', name: 'restores', component: () => import('@/features/backups/restore/RestoresView.vue') },
      // --- issue 17 rbac ---
      { path: 'rbac/:tab?', name: 'rbac', component: () => import('@/features/rbac/RbacView.vue') },
      // --- end issue 17 rbac ---
      // --- issue 17 tenancy ---
      { path: 'team-spaces', name: 'team-spaces', component: () => import('@/features/tenancy/TeamSpacesView.vue') },
      { path: 'team-spaces/:namespace/limits', name: 'namespace-limits', component: () => import('@/features/tenancy/NamespaceLimitsView.vue') },
      { path: 'network-policies/:namespace/:pod', name: 'pod-network', component: () => import('@/features/netpol/PodNetworkView.vue') },
      // --- end issue 17 tenancy ---
      // --- issue 17 hpa ---
      { path: 'hpas', name: 'hpas', component: () => import('@/features/hpa/HpasView.vue') },
      { path: 'hpas/:namespace/:name', name: 'hpa', component: () => import('@/features/hpa/HpaDetailView.vue') },
      // --- end issue 17 hpa ---
      // --- issue 17 rightsizing ---
      { path: 'rightsizing', name: 'rightsizing', component: () => import('@/features/rightsizing/RightsizingView.vue') },
      // --- end issue 17 rightsizing ---
      // --- issue 17 capacity ---
      { path: 'capacity', name: 'capacity', component: () => import('@/features/capacity/CapacityView.vue') },
      // --- end issue 17 capacity ---
      // --- issue 17 posture ---
      { path: 'posture', name: 'posture', component: () => import('@/features/posture/PostureView.vue') },
      // --- end issue 17 posture ---
      // --- issue 18 helm ---
      { path: 'apps', name: 'helm-releases', component: () => import('@/features/helm/HelmReleasesView.vue') },
      { path: 'apps/:namespace/:name', name: 'helm-release', component: () => import('@/features/helm/HelmReleaseView.vue') },
      // --- end issue 18 helm ---
      // --- issue 18 upgrade ---
      { path: 'upgrade', name: 'upgrade', component: () => import('@/features/upgrade/UpgradeView.vue') },
      // --- end issue 18 upgrade ---
      // --- issue 19 fleet ---
      { path: 'problems', name: 'fleet-problems', component: () => import('@/features/fleet/ProblemPodsView.vue') },
      // --- end issue 19 fleet ---
      { path: ':path(.*)*', name: 'not-found', component: () => import('./NotFoundView.vue') },
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
