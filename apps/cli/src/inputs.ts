import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** A PDF to convert. */
export interface InputFile {
  /** As the user wrote it (a folder's files joined to the folder as written): for the report lines. */
  shown: string;
  /** Absolute path. */
  path: string;
}

export interface Inputs {
  /** In the order given, each folder's files by name; a file reached twice is listed once. */
  files: InputFile[];
  /** Arguments that cannot be read: each one a failed file of the report. */
  unreadable: InputFile[];
  /** Folders holding no `*.pdf` file. */
  emptyFolders: string[];
  /** Exactly one argument, a file: its outputs go straight into the output folder, as they always have. */
  single: boolean;
}

const isPdfName = (name: string) => /\.pdf$/i.test(name) && !name.startsWith('.');

/**
 * Expands the arguments: a file is taken as it is (whatever its name: a non-PDF fails as such), a
 * folder gives its `*.pdf` files (any case, hidden files left out), without entering sub-folders.
 */
export async function collectInputs(args: string[]): Promise<Inputs> {
  const files: InputFile[] = [];
  const unreadable: InputFile[] = [];
  const emptyFolders: string[] = [];
  const seen = new Set<string>();
  const add = async (file: InputFile) => {
    const real = await realpath(file.path).catch(() => file.path);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(file);
  };
  let folders = 0;
  for (const arg of args) {
    const path = resolve(arg);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      folders++;
      const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
      if (!entries) {
        unreadable.push({ shown: arg, path });
        continue;
      }
      const names = entries
        .filter((entry) => isPdfName(entry.name) && !entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
      const pdfs: string[] = [];
      for (const name of names) {
        // A symbolic link counts when it leads to a file.
        if ((await stat(join(path, name)).catch(() => null))?.isFile()) pdfs.push(name);
      }
      if (pdfs.length === 0) emptyFolders.push(arg);
      for (const name of pdfs) await add({ shown: join(arg, name), path: join(path, name) });
    } else if (info?.isFile()) {
      await add({ shown: arg, path });
    } else {
      unreadable.push({ shown: arg, path });
    }
  }
  return { files, unreadable, emptyFolders, single: args.length === 1 && folders === 0 };
}
