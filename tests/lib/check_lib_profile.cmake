# Runs lib_profile_app with NPURT_TRACE and NPURT_REPORT on one backend: the trace has an event
# for cublasSgemm and cufftExecC2C, the report a "library" row for each; on a modeled Ascend
# device the GEMM's bound is "cube" and the FFT's is not.
#   cmake -DAPP=... -DBACKEND=cpu|ascend:<model> -DWORK=dir -P check_lib_profile.cmake
cmake_minimum_required(VERSION 3.20)
file(MAKE_DIRECTORY "${WORK}")
set(trace "${WORK}/trace.json")
set(report "${WORK}/report.txt")
file(REMOVE "${trace}" "${report}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env NPURT_BACKEND=${BACKEND} NPURT_TRACE=${trace}
          NPURT_REPORT=${report} ${APP}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "PASS")
  message(FATAL_ERROR "lib profile app failed on ${BACKEND} (rc ${rc}):\n${out}\n${err}")
endif()
file(READ "${trace}" json)
file(READ "${report}" text)
foreach(op cublasSgemm cufftExecC2C)
  if(NOT json MATCHES "\"name\": *\"${op}\"")
    message(FATAL_ERROR "trace on ${BACKEND}: no event ${op}")
  endif()
  if(NOT text MATCHES "library +${op} +1 ")
    message(FATAL_ERROR "report on ${BACKEND}: no library row for ${op}:\n${text}")
  endif()
endforeach()
if(BACKEND MATCHES "^ascend:")
  if(NOT text MATCHES "library +cublasSgemm +1 [^\n]* cube ")
    message(FATAL_ERROR "report on ${BACKEND}: cublasSgemm is not cube bound:\n${text}")
  endif()
  if(text MATCHES "library +cufftExecC2C +1 [^\n]* cube ")
    message(FATAL_ERROR "report on ${BACKEND}: an FFT priced on the cube:\n${text}")
  endif()
endif()
