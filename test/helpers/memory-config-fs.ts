// An in-memory file system for the config resolver (src/core/config-resolve.ts), on POSIX paths: files, symbolic
// links (a path prefix that leads elsewhere) and special files (a FIFO, a device), with every read recorded.
import type { ConfigFs } from '../../src/api/index.js';

export interface MemoryTree {
  /** Absolute path → text. */
  files: Record<string, string>;
  /** Link path → the absolute path it leads to (a file or a folder). */
  links?: Record<string, string>;
  /** Paths of FIFOs and devices: stat says `other`; reading one fails the test. */
  specials?: string[];
  /** Paths whose read fails with this reason. */
  unreadable?: Record<string, string>;
}

/** `path` with its links followed (prefixes first, as the kernel does), up to 40 of them. */
function follow(tree: MemoryTree, path: string): string {
  let p = path;
  for (let hops = 0; hops < 40; hops++) {
    const link = Object.keys(tree.links ?? {}).find((l) => p === l || p.startsWith(`${l}/`));
    if (link === undefined) return p;
    p = tree.links![link]! + p.slice(link.length);
  }
  throw new Error('too many symbolic links');
}

export function memoryFs(tree: MemoryTree, reads: string[] = []): ConfigFs {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return {
    stat: async (path) => {
      let p: string;
      try {
        p = follow(tree, path);
      } catch {
        return undefined;
      }
      if (tree.specials?.includes(p)) return { kind: 'other', size: 0 };
      if (p in tree.files) return { kind: 'file', size: new TextEncoder().encode(tree.files[p]).length };
      if (Object.keys(tree.files).some((f) => f.startsWith(`${p}/`))) return { kind: 'directory', size: 0 };
      return undefined;
    },
    realpath: async (path) => follow(tree, path),
    readFile: async (path) => {
      const p = follow(tree, path);
      reads.push(p);
      if (tree.specials?.includes(p)) throw new Error(`test: ${p} is a special file and must never be read`);
      const unreadable = tree.unreadable?.[p];
      if (unreadable !== undefined) throw new Error(unreadable);
      if (!(p in tree.files)) throw new Error('no such file or directory');
      return new TextEncoder().encode(tree.files[p]);
    },
    decodeUtf8: (bytes) => {
      try {
        return decoder.decode(bytes);
      } catch {
        return undefined;
      }
    },
  };
}
