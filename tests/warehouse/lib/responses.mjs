// StatementResponse and chunk bodies, shaped like the recorded workspace answers
// (shared/recorded/). INLINE chunk data is spliced in as the chunk file's text,
// so a 16 MiB chunk is never parsed or re-serialised.

const chunkPath = (id, i) => `/api/2.0/sql/statements/${id}/result/chunks/${i}`;

// JSON of obj with one more member whose value is already-serialised JSON text.
function withRaw(obj, key, rawJson) {
  const head = JSON.stringify(obj);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}${JSON.stringify(key)}:${rawJson}}`;
}

function status(stmt) {
  const s = { state: stmt.state };
  if (stmt.state === 'FAILED') {
    s.error = { error_code: stmt.error.errorCode, message: stmt.error.message };
    s.sql_state = stmt.error.sqlState;
  }
  return s;
}

// With `bounded` (the "bounded" result API being rolled out), total_chunk_count and the
// chunk list are left out: clients find chunks by next_chunk_index alone.
function manifest(stmt, bounded) {
  const { result, request } = stmt;
  const external = request.disposition === 'EXTERNAL_LINKS';
  const m = { format: 'JSON_ARRAY', schema: { column_count: result.columns.length } };
  if (result.columns.length) m.schema.columns = result.columns;
  if (!bounded) m.total_chunk_count = result.chunks.length;
  if (result.chunks.length && !bounded) {
    m.chunks = result.chunks.map(({ byte_count: b, ...c }) => (external ? { ...c, byte_count: b } : c));
  }
  m.total_row_count = result.totalRows + (stmt.misreportRows ?? 0); // misreport_rows fault
  if (external) m.total_byte_count = result.totalBytes;
  m.truncated = result.truncated;
  return m;
}

function chunkHeader(stmt, index) {
  const c = stmt.result.chunks[index];
  const h = { chunk_index: c.chunk_index, row_offset: c.row_offset, row_count: c.row_count };
  if (stmt.request.disposition === 'EXTERNAL_LINKS') h.byte_count = c.byte_count;
  if (index + 1 < stmt.result.chunks.length) {
    h.next_chunk_index = index + 1;
    h.next_chunk_internal_link = chunkPath(stmt.id, index + 1);
  }
  return h;
}

// The `result` object of chunk `index` as JSON text: data_array for INLINE,
// {external_links: [...]} with a freshly signed link for EXTERNAL_LINKS.
export async function resultJson(stmt, index, { chunkStore, links }) {
  if (stmt.request.disposition === 'EXTERNAL_LINKS') {
    return JSON.stringify({ external_links: [{ ...chunkHeader(stmt, index), ...links.linkFor(stmt.id, index) }] });
  }
  return withRaw(chunkHeader(stmt, index), 'data_array', await chunkStore.read(stmt.id, index));
}

// With drift.lateManifest N, the first N answers about a SUCCEEDED statement say only that
// (as a cold warehouse has been seen to): the manifest and result come with a later poll.
export async function statementJson(stmt, deps) {
  const body = { statement_id: stmt.id, status: status(stmt) };
  if (stmt.state !== 'SUCCEEDED') return JSON.stringify(body);
  stmt.succeededAnswers = (stmt.succeededAnswers ?? 0) + 1;
  if (stmt.succeededAnswers <= (deps.drift?.lateManifest ?? 0)) return JSON.stringify(body);
  body.manifest = manifest(stmt, deps.drift?.boundedResults);
  if (!stmt.result.chunks.length) return JSON.stringify({ ...body, result: {} });
  return withRaw(body, 'result', await resultJson(stmt, 0, deps));
}
