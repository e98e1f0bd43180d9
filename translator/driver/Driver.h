#pragma once
#include <string>

#include "driver/Options.h"

namespace cu2npu {

// Translates Opts.Inputs (files, directories, or the compilation database's files). Returns the
// process exit code: 0 success, 1 some input did not compile (output still written), 2 usage error.
int runDriver(Options &Opts);
int queryApi(const std::string &Name);
int listApi();
int genDocs(const std::string &Dir);
int genNpurtStubs(const std::string &Dir);
int genCudaCompat(const std::string &Dir);

} // namespace cu2npu
