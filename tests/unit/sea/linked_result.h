#pragma once
// A scripted EXTERNAL_LINKS result: the submit answer with chunk 0's link, the chunk
// endpoint with the others', and storage serving generated rows for each link.
#include <string>
#include <vector>

#include "fake_http.h"
#include "sea_json.h"

namespace dbsql::testing {

// Storage answering `url` with rows [offset, offset + count) of `columns` columns.
inline void serve_file(FakeHttp& http, const std::string& url, int64_t offset, int64_t count,
                       size_t columns, int times = -1) {
  http.on(
      "GET", url,
      [offset, count, columns](const http::Request&, const CancelToken*) {
        http::Response r;
        r.status = 200;
        r.body = rows_json(offset, count, columns);
        return r;
      },
      times);
}

// `chunks` chunks of `rows` rows; storage requires the header x-chunk-key: k<n>. Routes
// match in the order they were added: add a chunk's own storage route before this one.
inline void serve_linked_result(FakeHttp& http, const std::string& id, int chunks, int64_t rows,
                                size_t columns) {
  const std::vector<int64_t> sizes(chunks, rows);
  std::vector<std::string> names;
  for (size_t c = 0; c < columns; ++c) names.push_back(std::string(1, static_cast<char>('a' + c)));
  http.reply("POST", statements_url(), 200,
             succeeded_json(id, manifest_json(names, sizes),
                            links_result(id, {{0, 0, rows, chunks > 1, storage_url(id, 0),
                                               "2099-01-01T00:00:00.000Z",
                                               R"({"x-chunk-key":"k0"})"}})));
  serve_file(http, storage_url(id, 0), 0, rows, columns);
  for (int n = 1; n < chunks; ++n) {
    http.reply("GET", chunk_url(id, n), 200,
               links_result(id, {{n, n * rows, rows, n + 1 < chunks, storage_url(id, n),
                                  "2099-01-01T00:00:00.000Z",
                                  R"({"x-chunk-key":"k)" + std::to_string(n) + R"("})"}}));
    serve_file(http, storage_url(id, n), n * rows, rows, columns);
  }
}

}  // namespace dbsql::testing
