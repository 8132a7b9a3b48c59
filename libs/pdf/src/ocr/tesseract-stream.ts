import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { withHugePages } from '../huge-pages.js';

/** Where a page's hOCR begins, and the line that closes it (the page's div, two spaces in). */
const PAGE_START = "<div class='ocr_page'";
const PAGE_END = '\n  </div>\n';

interface Pending {
  resolve: (hocr: string) => void;
  reject: (error: Error) => void;
}

/**
 * One `tesseract` process for one set of languages, kept for page after page: it reads image paths
 * from standard input (`stream_filelist`) and writes each page's hOCR as soon as the page is read. A
 * process per page would load the models each time, a fifth of a second a page. The process is held
 * only while a page is being read, so an idle one never keeps Node running.
 */
export class TesseractStream {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private out = '';
  private err = '';
  private exited = false;

  constructor(binary: string, languages: readonly string[], args: readonly string[]) {
    this.child = spawn(
      binary,
      // hOCR asked for by its variable, not by the `hocr` config file: that file lives in a `configs`
      // folder beside the installed data, which an OCR_DATA_DIR of traineddata files does not have
      // (tesseract then writes plain text, and no page would ever end).
      [
        '-l',
        languages.join('+'),
        ...args,
        '-c',
        'stream_filelist=1',
        '-c',
        'tessedit_create_hocr=1',
        'stdin',
        'stdout',
      ],
      // One thread: the machine's other cores run other conversions.
      { env: withHugePages({ ...process.env, OMP_THREAD_LIMIT: '1' }), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => this.received(chunk));
    this.child.stderr
      .setEncoding('utf8')
      .on('data', (chunk: string) => (this.err = (this.err + chunk).slice(-2000)));
    this.child.stdin.on('error', () => undefined); // an exit is reported below
    this.child.once('error', (error) => this.failed(error));
    this.child.once('close', (code) =>
      this.failed(new Error(`tesseract exited with ${code}: ${this.err.trim().slice(-200)}`)),
    );
    // The pipes never hold Node up; the process does while it reads a page.
    for (const pipe of [this.child.stdin, this.child.stdout, this.child.stderr]) (pipe as Socket).unref();
    this.child.unref();
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** The hOCR of the image in `file` (its resolution in its header). Pages are read in order. */
  read(file: string): Promise<string> {
    if (this.exited) return Promise.reject(new Error('tesseract has exited'));
    if (/[\r\n]/.test(file)) return Promise.reject(new Error('an image path holds a line break'));
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.child.ref();
      this.child.stdin.write(`${file}\n`);
    });
  }

  /** Ends the process: it finishes the pages it was given, then exits. */
  async close(): Promise<void> {
    if (this.exited) return;
    const closed = new Promise((resolve) => this.child.once('close', resolve));
    this.child.ref(); // held up until it has exited
    this.child.stdin.end();
    await closed;
  }

  private received(chunk: string): void {
    this.out += chunk;
    for (;;) {
      const start = this.out.indexOf(PAGE_START);
      const end = start < 0 ? -1 : this.out.indexOf(PAGE_END, start);
      if (end < 0) return;
      const page = this.out.slice(start, end + PAGE_END.length);
      this.out = this.out.slice(end + PAGE_END.length);
      this.queue.shift()?.resolve(page);
      if (!this.queue.length) this.child.unref();
    }
  }

  private failed(error: Error): void {
    this.exited = true;
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }
}
