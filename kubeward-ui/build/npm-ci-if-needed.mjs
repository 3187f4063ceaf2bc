// Runs `npm ci` only when node_modules does not match package-lock.json, so warm Maven builds skip
// it. The stamp is the lock file's SHA-256, written into node_modules after a successful install.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const lock = readFileSync('package-lock.json')
const hash = createHash('sha256').update(lock).digest('hex')
const stamp = 'node_modules/.kubeward-lock-sha256'

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) {
  console.log(`[kubeward-ui] node_modules matches package-lock.json (${hash.slice(0, 12)}); skipping npm ci`)
  process.exit(0)
}
console.log('[kubeward-ui] npm ci (node_modules missing or out of date)')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' })
if (result.status !== 0) process.exit(result.status ?? 1)
writeFileSync(stamp, hash + '\n')
