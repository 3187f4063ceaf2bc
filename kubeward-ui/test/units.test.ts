import { describe, expect, it } from 'vitest'
import {
  formatBytesPerSecond,
  formatCount,
  formatCpu,
  formatMemory,
  formatRatio,
  formatValue,
  parseQuantity,
  ratio,
  unitOf,
  unitOfResource,
} from '@/shared/charts/units'

describe('Kubernetes units', () => {
  it('writes CPU like kubectl: millicores below a core, cores above', () => {
    expect(formatCpu(250)).toBe('250m')
    expect(formatCpu(999.4)).toBe('999m')
    expect(formatCpu(999.6)).toBe('1')
    expect(formatCpu(1000)).toBe('1')
    expect(formatCpu(1500)).toBe('1.5')
    expect(formatCpu(2346)).toBe('2.35')
    expect(formatCpu(12000)).toBe('12')
    expect(formatCpu(0)).toBe('0')
    expect(formatCpu(0.25)).toBe('0.25m')
    expect(formatCpu(-500)).toBe('-500m')
    expect(formatCpu(null)).toBe('–')
    expect(formatCpu(undefined)).toBe('–')
    expect(formatCpu(Number.NaN)).toBe('–')
  })

  it('writes memory with binary suffixes and no B', () => {
    expect(formatMemory(0)).toBe('0')
    expect(formatMemory(512)).toBe('512')
    expect(formatMemory(512 * 1024)).toBe('512Ki')
    expect(formatMemory(128 * 1024 ** 2)).toBe('128Mi')
    expect(formatMemory(1.5 * 1024 ** 3)).toBe('1.5Gi')
    expect(formatMemory(10.25 * 1024 ** 3)).toBe('10.3Gi')
    expect(formatMemory(1.234 * 1024 ** 3)).toBe('1.23Gi')
    expect(formatMemory(3 * 1024 ** 4)).toBe('3Ti')
    expect(formatMemory(null)).toBe('–')
  })

  it('writes rates, counts and ratios', () => {
    expect(formatBytesPerSecond(1536)).toBe('1.5Ki/s')
    expect(formatBytesPerSecond(0)).toBe('0/s')
    expect(formatCount(7)).toBe('7')
    expect(formatCount(1024)).toBe('1,024')
    expect(formatCount(2.346)).toBe('2.35')
    expect(formatRatio(0.456)).toBe('46%')
    expect(formatRatio(1.5)).toBe('150%')
    expect(formatRatio(null)).toBe('–')
  })

  it('formats by unit', () => {
    expect(formatValue('cpu', 250)).toBe('250m')
    expect(formatValue('memory', 1024 ** 3)).toBe('1Gi')
    expect(formatValue('bytes-per-second', 1024)).toBe('1Ki/s')
    expect(formatValue('count', 3)).toBe('3')
    expect(formatValue('ratio', 0.5)).toBe('50%')
    expect(formatValue('number', 0.12345)).toBe('0.123')
    expect(formatValue('number', null)).toBe('–')
  })

  it('knows the unit of an API unit name or a metric', () => {
    expect(unitOf('millicores')).toBe('cpu')
    expect(unitOf('bytes')).toBe('memory')
    expect(unitOf('bytes/s')).toBe('bytes-per-second')
    expect(unitOf('bytesPerSecond')).toBe('bytes-per-second')
    expect(unitOf('count')).toBe('count')
    expect(unitOf(undefined, 'cpu')).toBe('cpu')
    expect(unitOf(null, 'network-receive')).toBe('bytes-per-second')
    expect(unitOf('', 'filesystem')).toBe('memory')
    expect(unitOf('', 'pods')).toBe('count')
    expect(unitOf('', 'up')).toBe('number')
  })

  it('knows the unit of a quota resource', () => {
    expect(unitOfResource('requests.cpu')).toBe('cpu')
    expect(unitOfResource('limits.cpu')).toBe('cpu')
    expect(unitOfResource('cpu')).toBe('cpu')
    expect(unitOfResource('requests.memory')).toBe('memory')
    expect(unitOfResource('requests.storage')).toBe('memory')
    expect(unitOfResource('requests.ephemeral-storage')).toBe('memory')
    expect(unitOfResource('pods')).toBe('count')
    expect(unitOfResource('count/deployments.apps')).toBe('count')
  })

  it('parses quantities into millicores and bytes', () => {
    expect(parseQuantity('250m', true)).toBe(250)
    expect(parseQuantity('1.5', true)).toBe(1500)
    expect(parseQuantity('2', true)).toBe(2000)
    expect(parseQuantity('512Mi')).toBe(512 * 1024 ** 2)
    expect(parseQuantity('1Gi')).toBe(1024 ** 3)
    expect(parseQuantity('2G')).toBe(2e9)
    expect(parseQuantity('1e3')).toBe(1000)
    expect(parseQuantity('lots')).toBeNull()
    expect(parseQuantity('5 Xi')).toBeNull()
  })

  it('divides safely', () => {
    expect(ratio(1, 4)).toBe(0.25)
    expect(ratio(1, 0)).toBeNull()
    expect(ratio(null, 4)).toBeNull()
  })
})
