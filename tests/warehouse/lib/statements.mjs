// Statement lifecycle: PENDING → RUNNING → SUCCEEDED | FAILED | CANCELED, and
// SUCCEEDED → CLOSED (DELETE, or results expired). Statements run in the
// background; POST waits for them up to wait_timeout. Terminal statements are
// purged (→ 404) after purgeAfterMs, as workspaces do after 12 hours.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { execute } from './executor.mjs';
import { SqlError, isInterrupt } from './errors.mjs';
import { INLINE_LIMIT_BYTES } from './chunks.mjs';

export const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELED', 'CLOSED']);

// Test hooks, written as SQL comments so the statement stays valid Databricks SQL:
//   /*warehouse:pending=2*/  stay PENDING for 2 s (a warehouse that is starting)
//   /*warehouse:sleep=2.5*/  stay RUNNING for 2.5 s before the query runs
// Both are interruptible by cancel and never block the server.
const HINT = /\/\*\s*warehouse:(pending|sleep)\s*=\s*([0-9.]+)\s*\*\//gi;
export function hintsOf(statement) {
  const hints = { pending: 0, sleep: 0 };
  for (const m of statement.matchAll(HINT)) hints[m[1].toLowerCase()] += Math.min(Number(m[2]) || 0, 3600) * 1000;
  return hints;
}

export class StatementRegistry {
  // deps: { db, chunkStore, faults, config: { timeZone, rowsPerChunk, chunkBytes, resultTtlMs, purgeAfterMs }, log }
  constructor(deps) {
    this.deps = deps;
    this.statements = new Map();
    this.sweeper = setInterval(() => this.sweep(), 10_000).unref();
  }

  get(id) { return this.statements.get(id); }

  submit(request) {
    const stmt = {
      id: randomUUID(), request, state: 'PENDING', error: null, result: null,
      createdAt: Date.now(), finishedAt: null, abort: new AbortController(),
    };
    let finish;
    stmt.done = new Promise((resolve) => { finish = resolve; });
    this.statements.set(stmt.id, stmt);
    setImmediate(() => this.run(stmt).finally(finish));
    return stmt;
  }

  async run(stmt) {
    const { db, chunkStore, faults, config } = this.deps;
    const signal = stmt.abort.signal;
    try {
      const hints = hintsOf(stmt.request.statement);
      if (hints.pending) await sleep(hints.pending, undefined, { signal });
      if (stmt.state !== 'PENDING') return;
      stmt.state = 'RUNNING';
      const rule = faults?.takeStatementFault(stmt.request.statement);
      const fault = rule?.fail_statement;
      if (fault) throw new SqlError(fault.error_class ?? 'INJECTED_FAULT', fault.sql_state ?? 'XX000',
        fault.message ?? 'Failure injected by the warehouse fault API.', fault.error_code ?? 'BAD_REQUEST');
      if (rule?.end_state === 'CANCELED') return this.cancel(stmt);
      stmt.closeAfterAnswer = rule?.end_state === 'CLOSED';
      stmt.misreportRows = rule?.misreport_rows ?? 0;
      if (hints.sleep) await sleep(hints.sleep, undefined, { signal });
      const inline = stmt.request.disposition === 'INLINE';
      const result = await execute(stmt.request, {
        db, signal, timeZone: config.timeZone, rowLimit: stmt.request.row_limit,
        writer: () => chunkStore.writer(stmt.id, {
          rowsPerChunk: config.rowsPerChunk, chunkBytes: config.chunkBytes,
          byteLimit: stmt.request.byte_limit ?? Infinity, failBytes: inline ? INLINE_LIMIT_BYTES : Infinity,
        }),
      });
      if (stmt.state !== 'RUNNING') return chunkStore.remove(stmt.id); // canceled meanwhile
      stmt.result = result;
      this.finish(stmt, 'SUCCEEDED');
    } catch (err) {
      if (stmt.state !== 'RUNNING' && stmt.state !== 'PENDING') return; // already canceled
      if (signal.aborted || isInterrupt(err)) return this.finish(stmt, 'CANCELED');
      stmt.error = err instanceof SqlError ? err : new SqlError('INTERNAL_ERROR', 'XX000', String(err?.message ?? err), 'INTERNAL_ERROR');
      if (!(err instanceof SqlError)) this.deps.log(`statement ${stmt.id} failed unexpectedly: ${err?.stack ?? err}`);
      chunkStore.remove(stmt.id);
      this.finish(stmt, 'FAILED');
    }
  }

  finish(stmt, state) {
    stmt.state = state;
    stmt.finishedAt = Date.now();
  }

  // Waits until the statement is terminal or ms have passed.
  async wait(stmt, ms) {
    if (ms <= 0 || TERMINAL.has(stmt.state)) return;
    const timer = new AbortController();
    await Promise.race([stmt.done, sleep(ms, undefined, { signal: timer.signal }).catch(() => {})]);
    timer.abort();
  }

  cancel(stmt) {
    if (TERMINAL.has(stmt.state)) return;
    this.finish(stmt, 'CANCELED');
    stmt.abort.abort();
  }

  close(stmt) {
    if (stmt.state === 'SUCCEEDED') {
      this.finish(stmt, 'CLOSED');
      stmt.result = null;
      this.deps.chunkStore.remove(stmt.id);
    } else {
      this.cancel(stmt);
    }
  }

  // Results expire resultTtlMs after success (→ CLOSED); terminal statements are
  // forgotten purgeAfterMs after they ended (→ 404).
  sweep(now = Date.now()) {
    const { resultTtlMs, purgeAfterMs } = this.deps.config;
    for (const stmt of this.statements.values()) {
      if (stmt.state === 'SUCCEEDED' && now - stmt.finishedAt > resultTtlMs) this.close(stmt);
      if (TERMINAL.has(stmt.state) && now - stmt.finishedAt > purgeAfterMs) this.statements.delete(stmt.id);
    }
  }

  closeAll() {
    clearInterval(this.sweeper);
    for (const stmt of this.statements.values()) this.cancel(stmt);
  }
}
