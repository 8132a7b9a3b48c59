import { Injectable } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { packageVersion } from '../version.js';
import type { MetaDto } from './dto/meta.dto.js';

@Injectable()
export class MetaService {
  constructor(private readonly config: ConfigService) {}

  describe(): MetaDto {
    return {
      app_name: this.config.get('APP_NAME'),
      environment: this.config.get('APP_ENV'),
      version: packageVersion(),
      debug: this.config.get('DEBUG'),
      queue: this.config.get('QUEUE_NAME'),
      placeholder_processing: this.config.get('PLACEHOLDER_PROCESSING'),
    };
  }
}
