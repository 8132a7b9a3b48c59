import { Recogniser, startRecogniser } from './engines.js';
import { OcrOptions } from './options.js';

/**
 * An idle recogniser is stopped after this long: tesseract.js holds a worker thread (and its
 * language data, tens of MB) that would otherwise keep a finished process alive.
 */
const IDLE_MS = 10_000;

interface Entry {
  key: string;
  recogniser: Promise<Recogniser>;
  users: number;
  timer?: NodeJS.Timeout;
}

/** One recogniser per process and configuration, started on first use and shared by every page. */
let current: Entry | undefined;

/** Runs `use` with the process's recogniser for `options`, starting it when needed. */
export async function withRecogniser<T>(options: OcrOptions, use: (r: Recogniser) => Promise<T>): Promise<T> {
  const key = JSON.stringify([options.engine ?? 'auto', options.languages ?? ['eng'], options.dataDir ?? '']);
  if (current && current.key !== key && current.users === 0) await closeRecognisers();
  const entry =
    current?.key === key ? current : (current = { key, recogniser: startRecogniser(options), users: 0 });
  clearTimeout(entry.timer);
  entry.users++;
  try {
    return await use(await entry.recogniser);
  } catch (error) {
    if (
      current === entry &&
      (await entry.recogniser.then(
        () => false,
        () => true,
      ))
    )
      current = undefined;
    throw error;
  } finally {
    entry.users--;
    if (entry.users === 0 && current === entry) {
      entry.timer = setTimeout(() => void closeRecognisers(), IDLE_MS);
      entry.timer.unref();
    }
  }
}

/** Stops the process's recogniser (tests, benchmarks, shutdown). */
export async function closeRecognisers(): Promise<void> {
  const entry = current;
  current = undefined;
  if (!entry) return;
  clearTimeout(entry.timer);
  await entry.recogniser.then((r) => r.close()).catch(() => undefined);
}
