const HUGE_PAGES = 'glibc.malloc.hugetlb=1';

/**
 * `env` with glibc's allocator set to ask the kernel for transparent huge pages (granted on request
 * where the kernel's mode is `madvise`, most distributions' default; nothing changes where it is
 * `never`). Scanned pages are read through buffers of tens of megabytes made fresh for each page (the
 * canvas, grey copies, Tesseract's own images); in 4 KiB pages the kernel's page faults took a fifth
 * of a dense page's OCR time here. Given to the processes that read scans: the conversion child and
 * the native Tesseract it runs. Tunables the environment already sets are kept, a huge-pages
 * setting of its own included.
 */
export function withHugePages(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const tunables = env.GLIBC_TUNABLES?.split(':').filter(Boolean) ?? [];
  if (tunables.some((t) => t.startsWith('glibc.malloc.hugetlb='))) return env;
  return { ...env, GLIBC_TUNABLES: [...tunables, HUGE_PAGES].join(':') };
}
