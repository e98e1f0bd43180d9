# (a) The vendor-samples layout: sample folders sharing Common/ helper headers (error checks
# guarded by the CUDA headers' identity macros, a math helper with non-nvcc fallbacks, a plain
# string helper), one sample with a host main.cpp calling the runtime API plus kernels.cu and a
# C file, one whose main.cu includes another .cu. One command translates the tree; each sample
# then builds with its original flag, -I ../../Common, in the output tree.
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")
set(in "${SRC}/samples")
set(out "${WORK}/out")
file(REMOVE_RECURSE "${WORK}")
run_checked("${CU2NPU}" "${in}" --out-root "${out}" -I "${in}/Common" --report "${WORK}/report.json")
# Every file, once, with what happened to it.
report_actions("${WORK}/report.json" "${in}" seen)
set(want "Common/helper_cuda.h=translated;Common/helper_math.h=translated;Common/helper_string.h=copied;README.md=copied;Samples/hostMain/checksum.c=copied;Samples/hostMain/checksum.h=copied;Samples/hostMain/kernels.cu=translated;Samples/hostMain/kernels.h=copied;Samples/hostMain/main.cpp=translated;Samples/includedKernel/main.cu=translated;Samples/includedKernel/reduce_kernel.cu=translated;Samples/mathFallback/particles.cu=translated;Samples/vectorAdd/vectorAdd.cu=translated")
if(NOT seen STREQUAL want)
  message(FATAL_ERROR "report:\n  ${seen}\nwanted:\n  ${want}")
endif()
# Headers keep their names, includes stay; the included .cu is a header (no unit of its own).
expect_files("${out}" Common/helper_cuda.h Common/helper_math.h Common/helper_string.h README.md
             Samples/vectorAdd/vectorAdd.npu.cpp Samples/hostMain/main.cpp
             Samples/hostMain/kernels.npu.cpp Samples/hostMain/checksum.c
             Samples/includedKernel/main.npu.cpp Samples/includedKernel/reduce_kernel.cu
             Samples/mathFallback/particles.npu.cpp)
expect_no_files("${out}" Samples/includedKernel/reduce_kernel.npu.cpp Common/helper_cuda.npu.h)
expect_same("${in}/Common/helper_string.h" "${out}/Common/helper_string.h")
expect_same("${in}/Samples/hostMain/checksum.c" "${out}/Samples/hostMain/checksum.c")
expect_contains("${out}/Samples/hostMain/main.cpp" "npuMalloc(&d" "#include <helper_cuda.h>" "#include \"kernels.h\"")
expect_contains("${out}/Common/helper_cuda.h" "#ifdef __DRIVER_TYPES_H__" "npuGetErrorName(e)")
expect_contains("${out}/Samples/includedKernel/main.npu.cpp" "#include \"reduce_kernel.cu\"")
expect_contains("${out}/Samples/includedKernel/reduce_kernel.cu" "::npu::")
# The non-nvcc fallbacks are gone from the math helper (they would clash with npurt's).
expect_lacks("${out}/Common/helper_math.h" "__CUDACC__" "inline float rsqrtf")
# Build each sample as its makefile would, re-rooted: same -I, npurt instead of cudart.
set(flags -std=c++17 -O1 -w -I ../../Common -I "${NPURT_INCLUDE}")
foreach(s vectorAdd mathFallback includedKernel)
  set(d "${out}/Samples/${s}")
  file(GLOB srcs RELATIVE "${d}" "${d}/*.npu.cpp")
  execute_process(COMMAND "${CXX}" ${flags} ${srcs} ${LINK_NPURT} -o "${d}/app" WORKING_DIRECTORY "${d}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${s} does not build:\n${err}")
  endif()
  run_pass("${d}" "${d}/app" "PASS: ${s}")
endforeach()
set(d "${out}/Samples/hostMain")
execute_process(COMMAND "${CC}" -c checksum.c -o checksum.o WORKING_DIRECTORY "${d}" RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "checksum.c does not build as C:\n${err}")
endif()
execute_process(COMMAND "${CXX}" ${flags} main.cpp kernels.npu.cpp checksum.o ${LINK_NPURT} -o app
                WORKING_DIRECTORY "${d}" RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "hostMain does not build:\n${err}")
endif()
run_pass("${d}" "${d}/app" "PASS: hostMain")
# Translating the output tree again changes nothing that was translated.
run_checked("${CU2NPU}" "${out}" --out-root "${WORK}/again" -I "${out}/Common" -q)
foreach(f Common/helper_cuda.h Samples/hostMain/main.cpp Common/helper_math.h)
  expect_same("${out}/${f}" "${WORK}/again/${f}")
endforeach()
