import { basename } from 'node:path';

/** `paper.pdf` -> `paper`; a name that would be empty or a path step becomes `document`. */
function stem(path: string): string {
  const name = basename(path).replace(/\.pdf$/i, '');
  return name === '' || name === '.' || name === '..' ? 'document' : name;
}

/**
 * One sub-folder name per file, named after it. A name met again gets `-2`, `-3`... (the first
 * free one, so a file really named `paper-2.pdf` keeps its name). Names are compared ignoring case,
 * as macOS and Windows file systems do, so no two files ever share a folder.
 */
export function subfolderNames(paths: string[]): string[] {
  const stems = paths.map(stem);
  const taken = new Set(stems.map((name) => name.toLowerCase()));
  const given = new Set<string>();
  return stems.map((name) => {
    let chosen = name;
    if (given.has(name.toLowerCase())) {
      let n = 2;
      while (taken.has(`${name}-${n}`.toLowerCase())) n++;
      chosen = `${name}-${n}`;
      taken.add(chosen.toLowerCase());
    }
    given.add(chosen.toLowerCase());
    return chosen;
  });
}
