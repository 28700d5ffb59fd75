// The connection's side of the catalog functions: the catalog in use and the metadata
// cache.
#include "metadata/metadata_sql.h"
#include "odbc/connection.h"
#include "util/error.h"
#include "util/log.h"

namespace dbsql::odbc {

std::string Connection::catalog_in_use(const CancelToken& cancel) {
  std::shared_ptr<Backend> backend;
  {
    std::lock_guard lock(state_mutex_);
    if (!catalog_.empty()) return catalog_;
    if (!server_catalog_.empty()) return server_catalog_;
    backend = backend_;
  }
  if (!backend) return {};
  // No Catalog key: statements run in the workspace's default catalog, which only the
  // server knows. Asked once per connection; it does not change while connected, since
  // every statement is sent with the same (empty) catalog.
  sea::ExecuteRequest request;
  request.statement = metadata::sql::current_catalog();
  request.disposition = sea::Disposition::kInline;
  std::string catalog;
  auto execution = backend->execute(request, cancel);
  if (execution->has_result_set())
    if (const sea::RowBatch* batch = execution->results().next())
      if (batch->row_count() > 0 && !batch->is_null(0, 0)) catalog = batch->text(0, 0);
  execution->close();
  DBSQL_LOG(kDebug, "odbc") << "current catalog: " << catalog;
  std::lock_guard lock(state_mutex_);
  if (server_catalog_.empty()) server_catalog_ = catalog;
  return catalog_.empty() ? server_catalog_ : catalog_;
}

std::shared_ptr<metadata::Cache> Connection::metadata_cache() const {
  std::lock_guard lock(state_mutex_);
  return metadata_cache_;
}

void Connection::metadata_changed() {
  if (auto cache = metadata_cache()) cache->clear();
}

}  // namespace dbsql::odbc
