// The console is organised by feature like the server: src/features/<feature>/ (views, components,
// API module, pure logic), src/shared/ (HTTP client, problems, types of the API, i18n, session,
// generic components) and src/app/ (router and layout, which know every feature). Like the server's
// ArchitectureTest, this keeps the layers and forbids cycles between features.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(__dirname, '..', 'src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

interface Module {
  /** Path below src/ with forward slashes, e.g. features/node/NodesView.vue. */
  path: string
  imports: string[]
}

/** Every file below src/ and what it imports, resolved to paths below src/ (packages left out). */
function modules(): Module[] {
  return sources(SRC).map((file) => {
    const path = relative(SRC, file).split(sep).join('/')
    const dir = path.includes('/') ? path.substring(0, path.lastIndexOf('/')) : ''
    const text = readFileSync(file, 'utf8')
    const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)'([^']+)'/gm)].map((m) => m[1])
    const imports = specifiers.flatMap((s) => {
      if (s.startsWith('@/')) return [s.substring(2)]
      if (s.startsWith('./')) return [(dir ? dir + '/' : '') + s.substring(2)]
      if (s.startsWith('../')) return ['../' + s]
      return []
    })
    return { path, imports }
  })
}

const layer = (path: string) => path.split('/')[0]
const feature = (path: string) => (path.startsWith('features/') ? path.split('/')[1] : null)

describe('console architecture', () => {
  const all = modules()

  it('sees the feature folders', () => {
    const features = new Set(all.map((m) => feature(m.path)).filter((f) => f !== null))
    expect([...features].sort()).toEqual(expect.arrayContaining(['audit', 'cluster', 'drain', 'maintenance', 'node', 'resource', 'user']))
  })

  it('uses @/ or ./ imports, never ../', () => {
    expect(all.flatMap((m) => m.imports.filter((i) => i.startsWith('../')).map((i) => `${m.path} -> ${i}`))).toEqual([])
  })

  it('keeps shared free of features and of the app shell', () => {
    const wrong = all
      .filter((m) => layer(m.path) === 'shared')
      .flatMap((m) => m.imports.filter((i) => ['features', 'app'].includes(layer(i))).map((i) => `${m.path} -> ${i}`))
    expect(wrong).toEqual([])
  })

  it('keeps features free of the app shell', () => {
    const wrong = all
      .filter((m) => layer(m.path) === 'features')
      .flatMap((m) => m.imports.filter((i) => layer(i) === 'app').map((i) => `${m.path} -> ${i}`))
    expect(wrong).toEqual([])
  })

  it('has no cycle between features', () => {
    const edges = new Map<string, Set<string>>()
    for (const m of all) {
      const from = feature(m.path)
      if (!from) continue
      for (const i of m.imports) {
        const to = feature(i)
        if (to && to !== from) {
          if (!edges.has(from)) edges.set(from, new Set())
          edges.get(from)!.add(to)
        }
      }
    }
    const cycles: string[] = []
    const visit = (node: string, path: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' -> '))
        else visit(next, [...path, next])
      }
    }
    for (const start of edges.keys()) visit(start, [start])
    expect(cycles).toEqual([])
  })
})

describe('console routes', () => {
  // The server forwards each console route to index.html (ConsoleRoutes), so that a refresh or a
  // link opens the page: a route missing there answers 404 to a reload.
  it('are all forwarded by the server', () => {
    const router = readFileSync(join(SRC, 'app', 'router.ts'), 'utf8')
    const server = readFileSync(
      join(__dirname, '..', '..', 'kubeward-server', 'src', 'main', 'java', 'io', 'kubeward', 'server', 'web', 'console', 'ConsoleRoutes.java'),
      'utf8',
    )
    const forwarded = new Set([...server.matchAll(/"(\/[^"]*)"/g)].map((m) => m[1]))
    const routes = [...router.matchAll(/path: '([^']*)'/g)].map((m) => m[1]).filter((p) => p !== '' && p !== '/' && !p.includes('(.*)'))
    const expected = routes.flatMap((p) => {
      const path = (p.startsWith('/') ? p : `/${p}`).replace(/:(\w+)\??/g, '{$1}')
      return p.match(/:\w+\?/) ? [path.replace(/\/\{\w+\}$/, ''), path] : [path]
    })
    expect(expected.length).toBeGreaterThan(15)
    expect(expected.filter((p) => !forwarded.has(p))).toEqual([])
  })
})
