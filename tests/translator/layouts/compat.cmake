# (e) An untranslated third-party host .cpp built with g++, unchanged, against npurt's cuda-compat
# headers (-I include -I include/npurt/cuda-compat), linked with npurt, run to PASS. Also: the
# committed compat headers are what the mapping table generates now.
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
run_checked("${CU2NPU}" --gen-cuda-compat "${WORK}/gen")
file(GLOB gen RELATIVE "${WORK}/gen" "${WORK}/gen/*.h")
file(GLOB committed RELATIVE "${NPURT_INCLUDE}/npurt/cuda-compat" "${NPURT_INCLUDE}/npurt/cuda-compat/*.h")
if(NOT gen STREQUAL committed)
  message(FATAL_ERROR "cuda-compat headers: generated ${gen}, committed ${committed}")
endif()
foreach(h IN LISTS gen)
  file(READ "${WORK}/gen/${h}" a)
  file(READ "${NPURT_INCLUDE}/npurt/cuda-compat/${h}" b)
  if(NOT a STREQUAL b)
    message(FATAL_ERROR "include/npurt/cuda-compat/${h} is stale: run cu2npu --gen-cuda-compat include/npurt/cuda-compat")
  endif()
endforeach()
foreach(h cuda_runtime.h cuda_runtime_api.h driver_types.h vector_types.h cuda.h)
  expect_files("${NPURT_INCLUDE}/npurt/cuda-compat" ${h})
endforeach()
execute_process(COMMAND "${CXX}" -std=c++17 -Wall -Wextra -I "${NPURT_INCLUDE}"
                        -I "${NPURT_INCLUDE}/npurt/cuda-compat" "${SRC}/compat/third_party_host.cpp"
                        ${LINK_NPURT} -o "${WORK}/host"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the untranslated host file does not build against cuda-compat:\n${err}")
endif()
run_pass("${WORK}" "${WORK}/host" "PASS: untranslated host code")
