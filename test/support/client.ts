/** A small HTTP client for the api that keeps the guest cookie, as a browser would. */
export class ApiClient {
  private cookie?: string;

  constructor(
    readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(
    method: string,
    path: string,
    init: { body?: RequestInit['body']; headers?: Record<string, string> } = {},
  ) {
    const response = await fetch(this.baseUrl + path, {
      method,
      body: init.body,
      headers: { ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}), ...init.headers },
      redirect: 'manual',
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return response;
  }

  async json<T = unknown>(
    method: string,
    path: string,
    init?: { body?: RequestInit['body']; headers?: Record<string, string> },
  ) {
    const response = await this.request(method, path, init);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : null) as T,
    };
  }

  upload(bytes: Buffer, fileName = 'document.pdf', type = 'application/pdf') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
    return this.json<Record<string, unknown>>('POST', '/tasks', { body: form });
  }

  /** Polls the task until it leaves PENDING/QUEUED/PROCESSING. */
  async waitForTask(id: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await this.json<Record<string, unknown>>('GET', `/tasks/${id}`);
      if (body.status === 'DONE' || body.status === 'FAILED') return body;
      if (Date.now() > deadline)
        throw new Error(`Task ${id} still ${String(body.status)} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}
