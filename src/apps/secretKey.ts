import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

/**
 * Outside sandbox mode loadConfig() already demanded OPENABM_SECRET_KEY. In sandbox mode without one, a key is made
 * once and kept (mode 0600) in the data directory, so encrypted demo tokens survive restarts.
 */
export function withSecretKey(config: Config): Config {
  if (config.secretKey) return config;
  mkdirSync(config.dataDir, { recursive: true });
  const keyFile = path.join(config.dataDir, 'sandbox-secret.key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  return Object.freeze({ ...config, secretKey: readFileSync(keyFile, 'utf8').trim() });
}
