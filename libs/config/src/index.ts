export { ConfigError, configSchema, parseConfig } from './config.schema.js';
export type { AppConfig } from './config.schema.js';
export { ConfigService } from './config.service.js';
export { ConfigModule } from './config.module.js';
export { loadConfig } from './load-config.js';
export { exitOnStartupFailure } from './startup-failure.js';
