// Result chunks on disk. Rows arrive as JSON array texts ("[\"1\",null]") and are
// cut into chunk files of at most rowsPerChunk rows and chunkBytes bytes; each
// file is the chunk's complete data_array ("[[…],[…]]"), served as-is by both
// the INLINE responses and the storage listener. Only sealed chunks of the
// current DuckDB vector are ever held in memory.
import fs from 'node:fs';
import path from 'node:path';
import { SqlError } from './errors.mjs';

export const INLINE_LIMIT_BYTES = 25 * 1024 * 1024;

export class ChunkStore {
  constructor(dir) {
    this.dir = dir;
    fs.rmSync(dir, { recursive: true, force: true }); // results never outlive the process
    fs.mkdirSync(dir, { recursive: true });
  }
  statementDir(statementId) { return path.join(this.dir, statementId); }
  file(statementId, index) { return path.join(this.statementDir(statementId), `${index}.json`); }
  async read(statementId, index) { return fs.promises.readFile(this.file(statementId, index), 'utf8'); }
  remove(statementId) { fs.rm(this.statementDir(statementId), { recursive: true, force: true }, () => {}); }
  writer(statementId, limits) {
    const dir = this.statementDir(statementId);
    fs.mkdirSync(dir, { recursive: true });
    return new ChunkWriter(dir, limits);
  }
}

export class ChunkWriter {
  // byteLimit: the request's byte_limit (→ truncated); failBytes: INLINE's hard limit (→ FAILED).
  constructor(dir, { rowsPerChunk, chunkBytes, byteLimit = Infinity, failBytes = Infinity }) {
    Object.assign(this, { dir, rowsPerChunk, chunkBytes, byteLimit, failBytes });
    this.chunks = [];   // manifest entries of written chunks
    this.sealed = [];   // [{rows, bytes}] waiting to be written
    this.rows = [];
    this.bytes = 2;     // "[" and "]"
    this.totalBytes = 0;
    this.truncated = false;
  }

  // Adds one row; returns false (and marks the result truncated) once byte_limit is reached.
  add(rowJson) {
    const raw = Buffer.byteLength(rowJson);
    if (this.rows.length && (this.rows.length >= this.rowsPerChunk || this.bytes + raw + 1 > this.chunkBytes)) this.seal();
    const size = raw + (this.rows.length ? 1 : 0); // the separating comma
    if (this.totalBytes + size > this.byteLimit) { this.truncated = true; return false; }
    if (this.totalBytes + size > this.failBytes) {
      throw new SqlError('INLINE_RESULT_TOO_LARGE', '54000', `The result of this statement exceeds the ` +
        `${this.failBytes / 1048576} MiB limit of disposition INLINE; use disposition EXTERNAL_LINKS or add a LIMIT.`);
    }
    this.rows.push(rowJson);
    this.bytes += size;
    this.totalBytes += size;
    return true;
  }

  seal() {
    if (!this.rows.length) return;
    this.sealed.push(this.rows);
    this.rows = [];
    this.bytes = 2;
  }

  // Writes the sealed chunks; call between DuckDB vectors so memory stays bounded.
  async drain() {
    while (this.sealed.length) {
      const rows = this.sealed.shift();
      const text = `[${rows.join(',')}]`;
      const index = this.chunks.length;
      const rowOffset = index ? this.chunks[index - 1].row_offset + this.chunks[index - 1].row_count : 0;
      await fs.promises.writeFile(path.join(this.dir, `${index}.json`), text);
      this.chunks.push({ chunk_index: index, row_offset: rowOffset, row_count: rows.length, byte_count: Buffer.byteLength(text) });
    }
  }

  async finish() {
    this.seal();
    await this.drain();
    return {
      chunks: this.chunks,
      totalRows: this.chunks.reduce((n, c) => n + c.row_count, 0),
      totalBytes: this.chunks.reduce((n, c) => n + c.byte_count, 0),
      truncated: this.truncated,
    };
  }
}
