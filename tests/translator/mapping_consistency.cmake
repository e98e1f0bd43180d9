# The mapping table and npurt agree: every row marked supported or partial names
# something npurt's public headers (npurt/lib/ for the libraries) declare (a function, type,
# enumerator or device function in the right namespace, or a macro). Generates one C++ file
# from `cu2npu --list-api` and compiles it against include/.
# Inputs: CU2NPU, WORK, NPURT_INCLUDE, CXX.
execute_process(COMMAND "${CU2NPU}" --list-api OUTPUT_VARIABLE table RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cu2npu --list-api failed (${rc})")
endif()
string(REPLACE "\n" ";" rows "${table}")
set(decls "")
set(macros "")
set(count 0)
foreach(row IN LISTS rows)
  if(row STREQUAL "")
    continue()
  endif()
  string(REPLACE "\t" ";" f "${row}")
  list(GET f 1 npu)
  list(GET f 2 kind)
  list(GET f 3 status)
  list(GET f 4 section)
  if(NOT status MATCHES "^(supported|partial)$")
    continue()
  endif()
  math(EXPR count "${count} + 1")
  if(kind STREQUAL "member")
    # A member function of a cooperative-groups type: of the block or of a tile.
    string(APPEND decls "NPU_CHECK_GROUP_MEMBER(${npu})\n")
  elseif(kind STREQUAL "macro")
    string(APPEND macros "#ifndef ${npu}\n#error \"mapping table: macro ${npu} is not defined by npurt\"\n#endif\n")
  elseif(section STREQUAL "cooperative_groups")
    if(npu STREQUAL "cooperative_groups")
      string(APPEND decls "namespace cg_alias = ::cooperative_groups;\n")
    else()
      string(APPEND decls "using ::cooperative_groups::${npu};\n")
    endif()
  else()
    string(APPEND decls "using ::${npu};\n")
  endif()
endforeach()
if(count LESS 100)
  message(FATAL_ERROR "mapping table: only ${count} supported rows listed")
endif()
file(MAKE_DIRECTORY "${WORK}")
file(WRITE "${WORK}/mapping_check.cpp"
  "// Generated from cu2npu --list-api: ${count} supported or partial rows.\n"
  "#include <npurt/runtime.h>\n#include <npurt/kernel.h>\n#include <npurt/cooperative_groups.h>\n"
  "#include <npurt/lib/curand.h>\n#include <npurt/lib/curand_kernel.h>\n"
  "#include <thrust/device_vector.h>\n#include <thrust/host_vector.h>\n#include <thrust/sort.h>\n"
  "#include <thrust/extrema.h>\n#include <thrust/iterator/counting_iterator.h>\n"
  "#include <thrust/iterator/transform_iterator.h>\n#include <thrust/iterator/zip_iterator.h>\n"
  "#include <thrust/iterator/constant_iterator.h>\n#include <thrust/iterator/permutation_iterator.h>\n"
  "#include <thrust/sequence.h>\n#include <thrust/unique.h>\n#include <thrust/scan.h>\n#include <thrust/transform_reduce.h>\n"
  "#include <thrust/binary_search.h>\n#include <thrust/inner_product.h>\n#include <thrust/adjacent_difference.h>\n"
  "#include <thrust/tabulate.h>\n#include <thrust/logical.h>\n#include <thrust/gather.h>\n#include <thrust/scatter.h>\n"
  "#include <thrust/device_malloc.h>\n#include <thrust/device_free.h>\n#include <npurt/lib/thrust_execution_policy.h>\n"
  "#include <thrust/replace.h>\n#include <thrust/reverse.h>\n#include <thrust/generate.h>\n#include <thrust/count.h>\n#include <thrust/find.h>\n"
  "#include <npurt/lib/cublas_v2.h>\n#include <npurt/lib/cublasLt.h>\n#include <npurt/lib/cufft.h>\n"
  "#include <npurt/lib/cub.h>\n"
  "#include <type_traits>\n"
  "#define NPU_CHECK_GROUP_MEMBER(name)                                                   \\\n"
  "  template <class G, class = void> struct has_##name : std::false_type {};           \\\n"
  "  template <class G> struct has_##name<G, std::void_t<decltype(&G::name)>> : std::true_type {}; \\\n"
  "  static_assert(has_##name<::cooperative_groups::thread_block>::value ||            \\\n"
  "                has_##name<::cooperative_groups::thread_block_tile<32>>::value,     \\\n"
  "                \"mapping table: cooperative groups member \" #name \" is missing\");\n"
  "${macros}namespace mapping_check {\n${decls}}\n")
execute_process(COMMAND "${CXX}" -std=c++17 -fsyntax-only -I "${NPURT_INCLUDE}" "${WORK}/mapping_check.cpp"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  string(REGEX MATCHALL "[^\n]*error:[^\n]*" errors "${err}")
  list(LENGTH errors n)
  string(REPLACE ";" "\n" errors "${errors}")
  message(FATAL_ERROR "${n} rows of the mapping table name what npurt lacks:\n${errors}")
endif()
message(STATUS "${count} supported or partial rows found in npurt's headers")
