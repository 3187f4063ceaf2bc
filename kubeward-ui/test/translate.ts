// A minimal stand-in for vue-i18n's t() over a message tree, for pure-logic tests.
type Tree = { [key: string]: string | Tree }

export function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

export function translator(tree: Tree) {
  return (key: string, values: Record<string, unknown> = {}) => {
    const message = lookup(tree, key)
    if (message === undefined) return key
    return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`))
  }
}

/** Every leaf key of a message tree ("nav.pods", ...). */
export function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`),
  )
}
