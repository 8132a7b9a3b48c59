import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { freePort } from './free-port.js';

export interface S3Endpoint {
  endpoint: string;
  stop(): Promise<void>;
  /** Stops answering (the port refuses connections) but keeps the stored objects, to test outages. */
  pause(): Promise<void>;
  /** Serves again on the same port from the same directory after `pause()`. */
  resume(): Promise<void>;
}

/** A real S3 protocol server (s3rver) on a free port, with its own directory. */
export async function startS3Server(): Promise<S3Endpoint> {
  const directory = await mkdtemp(join(tmpdir(), 'papermill-s3-'));
  const port = await freePort();
  const serve = async () => {
    const server = new S3rver({ port, address: '127.0.0.1', directory, silent: true });
    await server.run();
    return server;
  };
  const close = async (server: S3rver) => {
    const closing = server.close();
    // Keep-alive sockets of S3 clients would otherwise hold the close open until they time out.
    server.httpServer?.closeAllConnections();
    await closing;
  };
  let server: S3rver | undefined = await serve();
  let stopped = false;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (server) await close(server);
      server = undefined;
      await rm(directory, { recursive: true, force: true });
    },
    async pause() {
      if (stopped || !server) return;
      const running = server;
      server = undefined;
      await close(running);
    },
    async resume() {
      if (stopped || server) return;
      server = await serve();
    },
  };
}
