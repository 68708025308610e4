#include "replies/model_path.h"

#include <filesystem>
#include <system_error>

namespace overdue::replies {

std::string default_model_path(const char* argv0) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) {
    if (!argv0 || std::string(argv0).find('/') == std::string::npos) return kModelFileName;
    exe = fs::absolute(argv0, ec);
  }
  return (exe.parent_path() / kModelFileName).string();
}

}  // namespace overdue::replies
