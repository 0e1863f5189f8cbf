// Config files for the CLI: the core's one resolver (src/core/config-resolve.ts: discovery, `extends`, `ignores`,
// located errors) over Node's file system (the injectable `Fs`), with native paths.
import { constants } from 'node:fs';
import * as path from 'node:path';
import {
  ConfigResolver,
  isIgnoredBy as ignoredBy,
  rules,
  type ConfigError,
  type ConfigFor,
  type ConfigFs,
} from '../api/index.js';
import { fsReason, type Fs } from './fs.js';
import { decodeUtf8 } from './read.js';

export { toLintConfig, type ConfigError, type ConfigFor, type LoadedConfig } from '../api/index.js';

/**
 * The config files of one run, found and cached by the core's resolver. `fixedConfig` (`--config FILE`, absolute)
 * governs every plan; each config error goes to `onError` once. Config files are read wherever they are: on their
 * own machine, the user decides what a config may extend.
 */
export function configResolver(fs: Fs, onError: (e: ConfigError) => void, fixedConfig?: string): ConfigResolver {
  return new ConfigResolver({
    fs: nodeConfigFs(fs),
    paths: path,
    rules,
    onError,
    ...(fixedConfig !== undefined ? { fixed: fixedConfig } : {}),
  });
}

/** Whether `file` (a file, or a folder when `isDir`) matches the `ignores` of its config. */
export function isIgnoredBy(config: ConfigFor, file: string, isDir: boolean): boolean {
  return ignoredBy(config, file, isDir, path);
}

/** The resolver's file system over `fs`; a failure rejects with the short reason the CLI prints. */
export function nodeConfigFs(fs: Fs): ConfigFs {
  const reasoned = <T>(f: () => T): Promise<T> => {
    try {
      return Promise.resolve(f());
    } catch (error) {
      return Promise.reject(new Error(fsReason(error)));
    }
  };
  return {
    stat(file) {
      try {
        const st = fs.statSync(file);
        return Promise.resolve({
          kind: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other',
          size: st.size,
        });
      } catch {
        return Promise.resolve(undefined);
      }
    },
    realpath: (file) => reasoned(() => fs.realpathSync(file)),
    readFile: (file, limit) => reasoned(() => readAtMost(fs, file, limit + 1)),
    decodeUtf8,
  };
}

/** Up to `max` bytes of a file, read in pieces, so a file that grew (or a device) can never fill the heap. */
function readAtMost(fs: Fs, file: string, max: number): Uint8Array {
  // Why O_NONBLOCK: a FIFO put in the file's place after its stat must not block the open; reading it then fails.
  const fd = fs.openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const pieces: Uint8Array[] = [];
    let total = 0;
    while (total < max) {
      const piece = new Uint8Array(Math.min(64 * 1024, max - total));
      const n = fs.readSync(fd, piece, 0, piece.length, null);
      if (n === 0) break;
      pieces.push(piece.subarray(0, n));
      total += n;
    }
    return Buffer.concat(pieces, total);
  } finally {
    fs.closeSync(fd);
  }
}
