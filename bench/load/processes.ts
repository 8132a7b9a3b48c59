/**
 * Child processes for the load benchmarks (the api, the worker, the bare Nest app) and their memory,
 * read from Linux `/proc`: VmRSS now, VmHWM (the kernel's own peak of VmRSS), and the descendants of
 * a process (the worker's conversion children).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { sleep } from './infra.js';

export interface NodeChild {
  name: string;
  pid: number;
  process: ChildProcess;
  /** The last lines the process wrote (stdout and stderr), to explain a failure. */
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

/** Runs `node <script>` with the current environment plus `env`. */
export function startNode(name: string, script: string, env: Record<string, string>): NodeChild {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-16_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  return {
    name,
    pid: child.pid,
    process: child,
    output: () => tail,
    exited: () => exited,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exit.then(() => false), sleep(15_000).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exit;
      }
    },
  };
}

/** Polls `ready` until it resolves true; fails early with the child's output if it exits. */
export async function waitUntil(
  child: NodeChild,
  what: string,
  ready: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exited()) throw new Error(`${child.name} exited before ${what}:\n${child.output()}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline)
      throw new Error(`${child.name}: no ${what} after ${timeoutMs} ms:\n${child.output()}`);
    await sleep(100);
  }
}

export async function httpReady(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return response.ok;
}

export interface ProcMemory {
  /** Resident set now, bytes. */
  rss: number;
  /** Peak resident set over the life of the process, bytes. */
  hwm: number;
}

export function procMemory(pid: number): ProcMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null; // exited between listing and reading
  }
}

/** All descendants of a process, from `/proc/<pid>/task/<tid>/children`. */
export function descendants(pid: number): number[] {
  const found: number[] = [];
  const visit = (parent: number) => {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${parent}/task`);
    } catch {
      return;
    }
    for (const tid of tasks) {
      let children: string;
      try {
        children = readFileSync(`/proc/${parent}/task/${tid}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(/\s+/).filter(Boolean).map(Number)) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}

export interface MemoryPeaks {
  samples: number;
  /** Highest sampled sum of RSS over the process and its descendants (or the process alone). */
  peakTotal: number;
  /** Highest sampled RSS of the root process. */
  peakRoot: number;
  /** Highest sampled sum of RSS of the descendants. */
  peakChildren: number;
  /** Highest VmHWM of any one descendant, read while it lived. */
  peakChildHwm: number;
  /** Descendant processes seen. */
  childrenSeen: number;
  /** VmHWM of the root process when sampling stopped. */
  rootHwm: number;
}

/** Samples the memory of `pid` (and, if asked, its descendants) every `intervalMs`. */
export class MemorySampler {
  private timer?: NodeJS.Timeout;
  private readonly seen = new Set<number>();
  private readonly peaks: MemoryPeaks = {
    samples: 0,
    peakTotal: 0,
    peakRoot: 0,
    peakChildren: 0,
    peakChildHwm: 0,
    childrenSeen: 0,
    rootHwm: 0,
  };

  constructor(
    private readonly pid: number,
    private readonly options: { children: boolean; intervalMs?: number },
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.options.intervalMs ?? 100);
    return this;
  }

  stop(): MemoryPeaks {
    clearInterval(this.timer);
    this.sample();
    this.peaks.rootHwm = procMemory(this.pid)?.hwm ?? 0;
    this.peaks.childrenSeen = this.seen.size;
    return { ...this.peaks };
  }

  private sample(): void {
    const root = procMemory(this.pid);
    if (!root) return;
    let children = 0;
    if (this.options.children) {
      for (const pid of descendants(this.pid)) {
        const memory = procMemory(pid);
        if (!memory) continue;
        this.seen.add(pid);
        children += memory.rss;
        this.peaks.peakChildHwm = Math.max(this.peaks.peakChildHwm, memory.hwm);
      }
    }
    this.peaks.samples++;
    this.peaks.peakRoot = Math.max(this.peaks.peakRoot, root.rss);
    this.peaks.peakChildren = Math.max(this.peaks.peakChildren, children);
    this.peaks.peakTotal = Math.max(this.peaks.peakTotal, root.rss + children);
  }
}

/** CPU time (user + system) a process has used, in seconds; 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** CPU time of a process plus that of its children it has waited for (exited conversions), in seconds. */
export function cpuSecondsWithChildren(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields.slice(11, 15).reduce((sum, field) => sum + Number(field), 0) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Busy CPU seconds of the whole machine (all cores), from `/proc/stat`. */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
}

/** USER_HZ; 100 on every mainstream Linux build. */
const CLOCK_TICKS = 100;
