# (d) A header with `#ifndef __CUDACC__` / `defined(__NVCC__)` fallbacks (rsqrtf, lerp, float2 for
# other compilers): the output keeps nvcc's branches only, so g++ building it does not define
# them again over npurt's; __CUDACC_VER_MAJOR__ tests see nvcc's version.
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")
file(REMOVE_RECURSE "${WORK}")
run_checked("${CU2NPU}" "${SRC}/fallback" --out-root "${WORK}/out")
expect_files("${WORK}/out" vec_math.h app.npu.cpp)
expect_lacks("${WORK}/out/vec_math.h" "__CUDACC__" "__NVCC__" "inline float rsqrtf" "struct float2")
expect_contains("${WORK}/out/vec_math.h" "#define VM_HD __host__ __device__" "#define VM_SYNC_OK 1"
                "inline VM_HD float lerp")
execute_process(COMMAND "${CXX}" -std=c++17 -w -I "${WORK}/out" -I "${NPURT_INCLUDE}"
                        "${WORK}/out/app.npu.cpp" ${LINK_NPURT} -o "${WORK}/app"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "does not build:\n${err}")
endif()
run_pass("${WORK}" "${WORK}/app" "PASS: fallback header")
