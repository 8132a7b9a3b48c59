import { readFile, readdir } from 'node:fs/promises';

/** Resident memory of a process in bytes (Linux `/proc`); null where it cannot be read. */
export async function residentBytes(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Resident memory of a process and every process it started (a native OCR engine runs as one), in
 * bytes; null where the process itself cannot be read.
 */
export async function treeResidentBytes(pid: number): Promise<number | null> {
  const own = await residentBytes(pid);
  if (own === null) return null;
  let total = own;
  for (const child of await childrenOf(pid)) total += (await treeResidentBytes(child)) ?? 0;
  return total;
}

/** The processes `pid` started (any of its threads), from Linux `/proc`; none where it cannot be read. */
export async function childrenOf(pid: number): Promise<number[]> {
  try {
    const tasks = await readdir(`/proc/${pid}/task`);
    const lists = await Promise.all(
      tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')),
    );
    return lists.flatMap((list) => list.split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}
