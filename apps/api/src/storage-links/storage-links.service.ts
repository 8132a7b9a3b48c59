import { ForbiddenException, Injectable, NotFoundException, StreamableFile } from '@nestjs/common';
import {
  InvalidSignedUrlError,
  SignedUrlParams,
  StorageObjectNotFoundError,
  StorageService,
} from '@papermill/storage';

/** Serves the time-limited links of the local storage driver (S3 links go to the bucket itself). */
@Injectable()
export class StorageLinksService {
  constructor(private readonly storage: StorageService) {}

  async open(keySegments: string[] | string, params: SignedUrlParams): Promise<StreamableFile> {
    const key = Array.isArray(keySegments) ? keySegments.join('/') : keySegments;
    try {
      const object = await this.storage.openSigned(key, {
        expires: single(params.expires),
        signature: single(params.signature),
        disposition: single(params.disposition),
        type: single(params.type),
      });
      return new StreamableFile(object.stream, {
        type: object.contentType,
        length: object.size,
        disposition: object.contentDisposition,
      });
    } catch (error) {
      if (error instanceof InvalidSignedUrlError)
        throw new ForbiddenException('Invalid or expired signature');
      if (error instanceof StorageObjectNotFoundError) throw new NotFoundException('Not Found');
      throw error;
    }
  }
}

/** A repeated query parameter arrives as an array: such a link was not made by us. */
function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
