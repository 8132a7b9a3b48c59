import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { freePort } from './free-port.js';

export interface S3Endpoint {
  endpoint: string;
  stop(): Promise<void>;
}

/** A real S3 protocol server (s3rver) on a free port, with its own directory. */
export async function startS3Server(): Promise<S3Endpoint> {
  const directory = await mkdtemp(join(tmpdir(), 'papermill-s3-'));
  const port = await freePort();
  const server = new S3rver({ port, address: '127.0.0.1', directory, silent: true });
  await server.run();
  let stopped = false;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
