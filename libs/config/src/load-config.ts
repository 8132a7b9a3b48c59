import { AppConfig, ConfigError, parseConfig } from './config.schema.js';

/**
 * Reads and validates `process.env` (overridden by `overrides`, as tests do). On a bad value the
 * process stops with one line naming the setting instead of failing later somewhere obscure.
 */
/** sysexits' EX_CONFIG: a supervisor can tell a bad setting (do not restart) from a crash. */
export const CONFIG_ERROR_EXIT_CODE = 78;

export function loadConfig(overrides: Partial<Record<keyof AppConfig, string>> = {}): AppConfig {
  try {
    return parseConfig({ ...process.env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(CONFIG_ERROR_EXIT_CODE);
    }
    throw error;
  }
}
