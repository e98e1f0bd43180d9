# Idempotence on a whole sample: translating each translated file again (as the
# tree it is, headers keeping their names) changes nothing. Inputs: CU2NPU,
# OUT_ROOT (the sample's <target>.cu2npu folder), WORK.
file(GLOB_RECURSE translated "${OUT_ROOT}/*.npu.cpp")
if(NOT translated)
  message(FATAL_ERROR "no translated sources under ${OUT_ROOT}")
endif()
file(MAKE_DIRECTORY "${WORK}")
foreach(file IN LISTS translated)
  file(RELATIVE_PATH name "${OUT_ROOT}" "${file}")
  execute_process(COMMAND "${CU2NPU}" -q "${file}" --in-root "${OUT_ROOT}" --out-root "${WORK}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cu2npu failed on its own output ${file} (${rc}):\n${err}")
  endif()
  file(READ "${file}" first)
  file(READ "${WORK}/${name}" second)
  if(NOT first STREQUAL second)
    message(FATAL_ERROR "not idempotent: translating ${file} again changed it")
  endif()
endforeach()
