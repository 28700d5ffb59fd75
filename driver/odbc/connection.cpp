#include "odbc/connection.h"

#include "config/resolve.h"
#include "odbc/children.h"
#include "odbc/connect_settings.h"
#include "odbc/descriptor.h"
#include "odbc/environment.h"
#include "odbc/statement.h"
#include "sql/translate.h"
#include "util/error.h"
#include "util/log.h"

namespace dbsql::odbc {

Connection::Connection(Environment& environment)
    : Handle(HandleType::kDbc), environment_(environment) {}

Connection::~Connection() {
  // Statements and descriptors go before the backend they may still reference.
  statements_.clear();
  descriptors_.clear();
}

bool Connection::connected() const {
  std::lock_guard lock(state_mutex_);
  return backend_ != nullptr;
}

void Connection::require_not_connected() const {
  if (connected())
    throw Error("08002",
                "Connection name in use: the connection is already open. Call "
                "SQLDisconnect first.");
}

void Connection::open(const std::string& connection_string, std::string* completed) {
  require_not_connected();
  ResolvedConnection resolved = resolve_connection(connection_string);
  config::Settings& settings = resolved.settings;
  if (auto warning = util::Logger::instance().configure(settings.log_level, settings.log_path))
    diag().add("01000", *warning);
  // Logged only now that the settings' own LogLevel/LogPath are in force, so the first
  // connection of a process records them too (unknown DSN keys appear only here).
  DBSQL_LOG(kInfo, "odbc") << "settings: " << config::describe(settings);
  DBSQL_LOG(kInfo, "odbc") << "connecting to " << settings.host << ":" << settings.port
                           << " warehouse " << settings.warehouse_id;
  if (login_timeout_ > 0 && settings.login_timeout.count() == 0)
    settings.login_timeout = std::chrono::seconds(login_timeout_);
  std::unique_ptr<Backend> backend = environment_.backend_factory()(settings);
  backend->validate(nullptr);
  for (const std::string& key : settings.ignored_keys)
    DBSQL_LOG(kInfo, "odbc") << "connection key " << key
                             << " accepted for compatibility, no effect";
  if (!settings.unknown_keys.empty()) {
    std::string list;
    for (const std::string& key : settings.unknown_keys) list += (list.empty() ? "" : ", ") + key;
    diag().add("01S00", "Invalid connection string attribute: unknown key(s) " + list +
                            " ignored. Check their spelling.");
  }
  if (completed) *completed = resolved.completed;
  diag().server_name = settings.host;
  std::lock_guard lock(state_mutex_);
  if (catalog_.empty()) catalog_ = settings.catalog;
  dsn_ = resolved.dsn;
  metadata_cache_ = std::make_shared<metadata::Cache>(
      settings.metadata_cache_ttl, static_cast<size_t>(settings.metadata_cache_bytes));
  settings_ = std::move(settings);
  backend_ = std::move(backend);
}

void Connection::driver_connect(const std::string& connection_string, const TextOut& out,
                                SQLSMALLINT* out_length) {
  std::string completed;
  open(connection_string, &completed);
  put_length(out_length, put_text(diag(), completed, out));
}

void Connection::connect(const std::string& dsn, const std::string& user,
                         const std::string& password) {
  open(dsn_connection_string(dsn, user, password), nullptr);
}

void Connection::disconnect() {
  if (!connected())
    throw Error("08003", "Connection not open: SQLDisconnect was called on a closed connection.");
  std::vector<std::unique_ptr<Statement>> statements;
  std::vector<std::unique_ptr<Descriptor>> descriptors;
  {
    std::lock_guard lock(children_mutex_);
    statements.swap(statements_);
    descriptors.swap(descriptors_);
  }
  // Interrupt statements running on other threads, then wait for each to finish its call.
  for (auto& s : statements) s->cancel();
  for (auto& s : statements) {
    std::lock_guard call(s->call_mutex());
    s->free_stmt(SQL_CLOSE);
  }
  statements.clear();
  descriptors.clear();
  std::lock_guard lock(state_mutex_);
  backend_.reset();
  metadata_cache_.reset();
  server_catalog_.clear();
}

std::shared_ptr<Backend> Connection::backend() const {
  std::lock_guard lock(state_mutex_);
  if (!backend_) throw Error("08003", "Connection not open: connect before executing statements.");
  return backend_;
}

config::Settings Connection::settings() const {
  std::lock_guard lock(state_mutex_);
  return settings_;
}

std::string Connection::current_catalog() const {
  std::lock_guard lock(state_mutex_);
  return catalog_;
}

void Connection::end_transaction(SQLSMALLINT completion) {
  if (completion != SQL_COMMIT && completion != SQL_ROLLBACK)
    throw Error("HY012", "Invalid transaction operation code " + std::to_string(completion) +
                             ": use SQL_COMMIT or SQL_ROLLBACK.");
  if (!connected())
    throw Error("08003", "Connection not open: SQLEndTran needs an open connection.");
  // Databricks SQL commits every statement as it runs; with autocommit off there may be
  // statements the application believes it can roll back.
  if (completion == SQL_ROLLBACK && autocommit_ == SQL_AUTOCOMMIT_OFF)
    diag().add("01000",
               "Nothing was rolled back: Databricks SQL commits each statement when "
               "it runs, so statements executed since the last commit are already "
               "committed.");
}

Statement* Connection::allocate_statement() {
  if (!connected())
    throw Error("08003", "Connection not open: connect before allocating statements.");
  auto statement = std::make_unique<Statement>(*this);
  statement->diag().server_name = settings().host;
  statement->diag().connection_name = diag().connection_name;
  Statement* raw = statement.get();
  std::lock_guard lock(children_mutex_);
  statements_.push_back(std::move(statement));
  return raw;
}

void Connection::free_statement(Statement* statement) {
  std::unique_ptr<Statement> doomed;
  std::lock_guard lock(children_mutex_);
  doomed = take_child(statements_, statement);
}

Descriptor* Connection::allocate_descriptor() {
  if (!connected())
    throw Error("08003", "Connection not open: connect before allocating descriptors.");
  auto descriptor = std::make_unique<Descriptor>(DescKind::kArd, nullptr);
  descriptor->connection = this;
  Descriptor* raw = descriptor.get();
  std::lock_guard lock(children_mutex_);
  descriptors_.push_back(std::move(descriptor));
  return raw;
}

void Connection::free_descriptor(Descriptor* descriptor) {
  std::unique_ptr<Descriptor> doomed;
  std::lock_guard lock(children_mutex_);
  for (auto& s : statements_) s->forget_descriptor(descriptor);
  doomed = take_child(descriptors_, descriptor);
}

std::string Connection::native_sql(const std::string& sql) const {
  return sql::translate(sql, {.ansi_quoted_identifiers = settings().ansi_quoted_identifiers}).text;
}

}  // namespace dbsql::odbc
