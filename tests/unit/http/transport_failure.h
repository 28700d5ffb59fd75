#pragma once
// Runs `call` and returns the TransportError it threw (or a test failure when it did not).
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "http/http_client.h"

namespace dbsql::testing {

template <typename Call>
std::optional<http::TransportError> transport_failure(Call&& call) {
  try {
    call();
  } catch (const http::TransportError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a TransportError";
  return std::nullopt;
}

// The kind of failure `call` ended with; kOther when it did not fail.
template <typename Call>
http::TransportFailure failure_kind(Call&& call) {
  auto error = transport_failure(call);
  return error ? error->kind() : http::TransportFailure::kOther;
}

}  // namespace dbsql::testing
