import { Injectable } from '@nestjs/common';
import type { AppConfig } from './config.schema.js';

/** Typed, validated settings. The only code that reads `process.env` is `loadConfig`. */
@Injectable()
export class ConfigService {
  constructor(private readonly values: AppConfig) {}

  get<K extends keyof AppConfig>(key: K): AppConfig[K] {
    return this.values[key];
  }

  get all(): Readonly<AppConfig> {
    return this.values;
  }
}
