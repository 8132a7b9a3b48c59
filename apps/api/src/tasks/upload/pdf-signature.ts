import { open } from 'node:fs/promises';

const PDF_MAGIC = Buffer.from('%PDF-');

/** True when the file's content starts with `%PDF-`, whatever its name or declared type says. */
export async function startsLikePdf(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(PDF_MAGIC.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(PDF_MAGIC);
  } finally {
    await file.close();
  }
}
