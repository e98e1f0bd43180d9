# Every sample is valid CUDA as written: nvcc compiles each .cu (-c, no GPU
# needed). Visibly skipped (ctest "Skipped") where no CUDA toolkit is installed;
# nothing else in the project uses a toolkit. Inputs: SAMPLES, WORK.
find_program(NVCC nvcc HINTS /usr/local/cuda/bin)
if(NOT NVCC)
  message("SKIPPED: no nvcc on this machine")
  cmake_language(EXIT 77)
endif()
file(GLOB_RECURSE sources "${SAMPLES}/*.cu")
file(MAKE_DIRECTORY "${WORK}")
foreach(src IN LISTS sources)
  execute_process(COMMAND "${NVCC}" -std=c++17 -arch=sm_80 -c "${src}" -o "${WORK}/sample.o"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "nvcc rejects ${src}:\n${err}")
  endif()
endforeach()
list(LENGTH sources count)
message(STATUS "nvcc compiled ${count} sample sources")
