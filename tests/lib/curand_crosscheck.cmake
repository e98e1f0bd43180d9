# npurt's cuRAND host generators against NVIDIA's (libcurand's host generators need no GPU):
# the same calls must give the same bytes. Visibly skipped (ctest "Skipped") where no CUDA
# toolkit with cuRAND is installed; nothing else depends on one. The cases cover every generator,
# offsets, calls continuing the last one and calls of odd sizes, except the one layout case
# npurt does not reproduce (Philox's two-draw values after an odd number of elements).
# Inputs: CXX, SRC (tests/lib/crosscheck), NPURT_DUMP, WORK.
find_path(CURAND_INCLUDE curand.h HINTS /usr/local/cuda/include)
find_library(CURAND_LIBRARY curand HINTS /usr/local/cuda/lib64)
if(NOT CURAND_INCLUDE OR NOT CURAND_LIBRARY)
  message("SKIPPED: no cuRAND on this machine")
  cmake_language(EXIT 77)
endif()
get_filename_component(curand_dir "${CURAND_LIBRARY}" DIRECTORY)
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND "${CXX}" -O1 -I "${CURAND_INCLUDE}" "${SRC}/nvidia_dump.cpp"
                        -o "${WORK}/nvidia_dump" "${CURAND_LIBRARY}" "-Wl,-rpath,${curand_dir}"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cannot build the libcurand side:\n${err}")
endif()
set(cases
  "101 0 100000 20000 3000" "101 5001 1000 20000 3001" "101 77 4097 4098 9999"
  "161 0 300000 20000 3000" "161 77 4097 4098 9999" "161 12 0 300000 0"
  "121 0 100000 20000 3000" "121 5001 1000 20000 3001" "121 77 4097 4098 9999")
foreach(case IN LISTS cases)
  separate_arguments(args UNIX_COMMAND "${case}")
  execute_process(COMMAND "${WORK}/nvidia_dump" ${args} OUTPUT_FILE "${WORK}/nvidia.bin" RESULT_VARIABLE a)
  execute_process(COMMAND "${NPURT_DUMP}" ${args} OUTPUT_FILE "${WORK}/npurt.bin" RESULT_VARIABLE b)
  if(NOT a EQUAL 0 OR NOT b EQUAL 0)
    message(FATAL_ERROR "case ${case}: the programs failed (${a}, ${b})")
  endif()
  file(SHA256 "${WORK}/nvidia.bin" want)
  file(SHA256 "${WORK}/npurt.bin" got)
  if(NOT want STREQUAL got)
    message(FATAL_ERROR "case ${case} (type offset bits normals doubles): npurt's values differ from libcurand's")
  endif()
endforeach()
list(LENGTH cases count)
message(STATUS "${count} cases give libcurand's bytes")
