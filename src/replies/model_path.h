// Where the reply model is: beside the running executable, never the working directory.
#pragma once

#include <string>

namespace overdue::replies {

inline constexpr const char* kModelFileName = "overdue-replies.bin";

// The model file beside the running executable (/proc/self/exe; `argv0` when /proc is missing).
std::string default_model_path(const char* argv0);

}  // namespace overdue::replies
