import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders being written, removed if the command is interrupted. */
const pending = new Set<string>();

/**
 * A conversion writes into a hidden folder beside its destination and is moved into place only
 * once complete, so a file that fails (or a command interrupted) leaves nothing half-written, and
 * a finished output never mixes with an older one's files.
 */
export class StagedOutput {
  private constructor(readonly dir: string) {}

  /** A fresh folder inside `parent` (same file system, so the final move is a rename). */
  static async create(parent: string): Promise<StagedOutput> {
    const dir = await mkdtemp(join(parent, '.papermill-'));
    pending.add(dir);
    return new StagedOutput(dir);
  }

  /** The staged folder becomes `target`, replacing whatever was there. */
  async moveTo(target: string): Promise<void> {
    await rm(target, { recursive: true, force: true });
    await rename(this.dir, target);
    pending.delete(this.dir);
  }

  /** The staged files and folders go into `target`, each replacing its namesake (the one-file layout). */
  async moveInto(target: string): Promise<void> {
    for (const name of await readdir(this.dir)) {
      await rm(join(target, name), { recursive: true, force: true });
      await rename(join(this.dir, name), join(target, name));
    }
    await this.discard();
  }

  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    pending.delete(this.dir);
  }

  /** For an interrupted command: removes every folder still being written. */
  static discardAllNow(): void {
    for (const dir of pending) rmSync(dir, { recursive: true, force: true });
    pending.clear();
  }
}
