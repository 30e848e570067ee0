import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Cloud storage kept under `<dataDir>/files/<cloudPath>`. File IDs look like the cloud's
 * (`cloud://<env>.<hex>-<env>-1300000000/<cloudPath>`), so code that stores or parses them behaves the same.
 */
export class FileStore {
  private readonly root: string;
  private readonly bucket: string;

  constructor(
    dataDir: string,
    private readonly env: string,
  ) {
    this.root = join(dataDir, 'files');
    this.bucket = `${Buffer.from(env).toString('hex').slice(0, 4)}-${env}-1300000000`;
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.env}.${this.bucket}/${normalizeCloudPath(cloudPath)}`;
  }

  /** The cloud path inside a file ID of any environment, or null if it is not a well-formed `cloud://` ID. */
  cloudPathOf(fileId: string): string | null {
    const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
    if (!match) return null;
    try {
      return normalizeCloudPath(match[1]);
    } catch {
      return null;
    }
  }

  /**
   * Stores a new file and returns its ID; null when the path is taken. A stored file is never overwritten: a
   * path names one upload by one person, and another upload to it must not replace what they stored.
   */
  create(cloudPath: string, data: Buffer): string | null {
    const file = this.fileOf(cloudPath);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, data, { flag: 'wx' });
    } catch (err) {
      // EEXIST: the path is taken; ENOTDIR: a folder on the way is a file (`a` stored, then `a/b` asked for).
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTDIR') return null;
      throw err;
    }
    return this.fileIdOf(cloudPath);
  }

  read(cloudPath: string): Buffer | null {
    const file = this.fileOf(cloudPath);
    return existsSync(file) ? readFileSync(file) : null;
  }

  has(cloudPath: string): boolean {
    return existsSync(this.fileOf(cloudPath));
  }

  remove(cloudPath: string): boolean {
    const file = this.fileOf(cloudPath);
    if (!existsSync(file)) return false;
    rmSync(file);
    return true;
  }

  clear(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  private fileOf(cloudPath: string): string {
    return join(this.root, ...normalizeCloudPath(cloudPath).split('/'));
  }
}

/** A relative path of plain segments: no `.`/`..`, no empty segments, no backslashes or NULs. */
export function normalizeCloudPath(cloudPath: string): string {
  const segments = cloudPath.replace(/^\/+/, '').split('/');
  const bad = segments.some((s) => s === '' || s === '.' || s === '..' || /[\\\0]/.test(s));
  if (bad || segments.length === 0) throw new Error(`invalid cloudPath "${cloudPath}"`);
  return segments.join('/');
}
