import { Injectable } from '@nestjs/common';
import { ConfigService } from '@papermill/config';
import { publicAddressesOf, webhookTarget, WebhookTargetError } from '@papermill/queue';
import { FieldValidationException } from '../../common/fastapi-errors.js';

export const CALLBACK_FIELD = 'callback_url';

const refused = (msg: string, input: string) =>
  new FieldValidationException([{ type: 'value_error', loc: ['body', CALLBACK_FIELD], msg, input }]);

/**
 * Decides whether an upload's `callback_url` may receive its webhook, before anything is stored: only
 * with webhooks on (WEBHOOK_SECRET set), `https:` to a host whose every address is public, unless the
 * host is listed in WEBHOOK_ALLOWED_HOSTS. The worker checks the address again when it delivers.
 */
@Injectable()
export class CallbackUrlPolicy {
  constructor(private readonly config: ConfigService) {}

  /** The URL to store (normalized), null for none; a 422 in the contract's shape when refused. */
  async check(raw: string | undefined): Promise<string | null> {
    if (raw === undefined || raw === '') return null;
    if (!this.config.get('WEBHOOK_SECRET')) throw refused('Webhooks are not enabled', raw);
    try {
      const target = webhookTarget(raw, this.config.get('WEBHOOK_ALLOWED_HOSTS'));
      if (!target.listed) await publicAddressesOf(target.hostname);
      return target.url.href;
    } catch (error) {
      if (error instanceof WebhookTargetError) throw refused(error.message, raw);
      throw error;
    }
  }
}
