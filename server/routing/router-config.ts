// Router settings, checked once and frozen: a bad value is a bug at boot,
// not a surprise at the first hand-off.
import { DEFAULT_ROUTER_CONFIG, type RouterConfig } from './types.js';

export function routerConfig(overrides: Partial<RouterConfig> = {}): Readonly<RouterConfig> {
  const config = { ...DEFAULT_ROUTER_CONFIG, ...overrides };
  for (const [key, value] of Object.entries(config)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`Router config ${key} must be a number >= 0, got ${value}`);
    }
  }
  for (const key of ['defaultCapacity', 'fallbackChatsPerAgent'] as const) {
    if (!Number.isInteger(config[key])) throw new RangeError(`Router config ${key} must be an integer`);
  }
  return Object.freeze(config);
}
