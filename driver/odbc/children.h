#pragma once
// Handles own the handles allocated on them (environment → connections → statements and
// descriptors). Freeing one takes it out of its parent's list; the caller destroys it after
// releasing the list's lock, since destruction may talk to the server.
#include <algorithm>
#include <memory>
#include <vector>

namespace dbsql::odbc {

template <class T>
std::unique_ptr<T> take_child(std::vector<std::unique_ptr<T>>& children, const T* child) {
  auto it = std::find_if(children.begin(), children.end(),
                         [&](const std::unique_ptr<T>& c) { return c.get() == child; });
  if (it == children.end()) return nullptr;
  std::unique_ptr<T> taken = std::move(*it);
  children.erase(it);
  return taken;
}

}  // namespace dbsql::odbc
