# (b) A CMake CUDA project (project(... CUDA), find_package(CUDAToolkit), CMAKE_CUDA_*, .cu
# sources in a library and, through a variable, an executable, CUDA_* properties, CUDA::cudart)
# translated with --migrate-cmake, then configured and built with cmake against the build tree's
# npurt package (no CUDA anywhere) and run to PASS.
include("${CMAKE_CURRENT_LIST_DIR}/common.cmake")
file(REMOVE_RECURSE "${WORK}")
set(in "${SRC}/cmake_project")
run_checked("${CU2NPU}" "${in}" --out-root "${WORK}/out" --migrate-cmake -I "${in}/include"
            --report "${WORK}/report.json")
report_actions("${WORK}/report.json" "${in}" seen)
if(NOT seen STREQUAL "CMakeLists.txt=migrated;include/saxpy.cuh=translated;src/extra.cu=translated;src/kernels.cu=translated;src/main.cpp=translated")
  message(FATAL_ERROR "report: ${seen}")
endif()
set(cm "${WORK}/out/CMakeLists.txt")
expect_contains("${cm}" "LANGUAGES CXX)" "find_package(npurt REQUIRED CONFIG)"
                "add_library(kern STATIC src/kernels.npu.cpp)" "target_link_libraries(kern PUBLIC npurt::npurt)"
                "set(APP_SOURCES src/main.cpp src/extra.npu.cpp)" "cu2npu_add_executable(app SOURCES"
                "target_link_libraries(app PRIVATE kern npurt::npurt)")
file(STRINGS "${cm}" live REGEX "^[^#]*(CUDA::|CUDAToolkit|CUDA_ARCH|CMAKE_CUDA|CUDA_SEP|LANGUAGES.*CUDA)")
if(live)
  message(FATAL_ERROR "CUDA left in the migrated CMakeLists.txt: ${live}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${WORK}/out" -B "${WORK}/build"
                        "-Dnpurt_DIR=${BUILD}/npurt-build" "-DCMAKE_CXX_COMPILER=${CXX}"
                        -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configure failed:\n${out}\n${err}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK}/build" RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "build failed:\n${out}\n${err}")
endif()
run_pass("${WORK}/build" "${WORK}/build/app" "PASS: migrated cmake project")
