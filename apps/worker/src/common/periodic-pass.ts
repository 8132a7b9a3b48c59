/**
 * Runs `pass` every `intervalMs`, never two at once (a tick while one runs is skipped), and lets
 * shutdown wait for the one running. The timer does not keep the process alive. A failed pass is
 * handed to `onError` and the next tick tries again.
 */
export class PeriodicPass {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.running ??= this.pass()
        .catch(this.onError)
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass in progress to end. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
