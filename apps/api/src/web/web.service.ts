import { Injectable, NotFoundException } from '@nestjs/common';
import { StorageService } from '@papermill/storage';
import { pageCsp } from './page-csp.js';
import { loadWebFiles, WebFile } from './web-files.js';

/** A file of the page with the headers it is served with. */
export interface WebResponse {
  file: WebFile;
  headers: Record<string, string>;
}

/** The web page at `/` and its files under `/assets/`. */
@Injectable()
export class WebService {
  private readonly files = loadWebFiles();
  private readonly csp: string;

  constructor(storage: StorageService) {
    this.csp = pageCsp([storage.linkOrigin()]);
  }

  page(): WebResponse {
    return this.respond('index.html', { 'Content-Security-Policy': this.csp });
  }

  /** `name` is the path under `/assets/`; only the page's own files and its vendor files exist. */
  asset(name: string): WebResponse {
    if (name === 'index.html') throw new NotFoundException('Not Found');
    return this.respond(name, {});
  }

  private respond(name: string, headers: Record<string, string>): WebResponse {
    const file = this.files.get(name);
    if (!file) throw new NotFoundException('Not Found');
    // Revalidated on every load (ETag), so a new release is picked up at once.
    return { file, headers: { 'Cache-Control': 'no-cache', ...headers } };
  }
}
