# Runs the profile app with NPURT_TRACE and NPURT_REPORT on one backend and checks both files:
# the trace is valid JSON in Chrome's trace-event format with the expected rows (host API
# calls, the default stream, the created stream) and a complete event, with a duration, for
# every operation the app issued; the report lists every kernel and copy.
# Every exit-time writer is exercised: the trace, the report to a file and to stderr, and (with
# MEMCHECK=ON) both again with the memory checker on.
#   cmake -DAPP=... -DBACKEND=cpu|ascend:<model> -DWORK=dir [-DMEMCHECK=ON] -P check_profile.cmake
cmake_minimum_required(VERSION 3.20) # IN_LIST, string(JSON)
file(MAKE_DIRECTORY "${WORK}")
set(trace "${WORK}/trace.json")
set(report "${WORK}/report.txt")
# Runs the app with the trace and the report on (and the extra variables given), fresh files.
function(run_profiled)
  file(REMOVE "${trace}" "${report}")
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env NPURT_BACKEND=${BACKEND} NPURT_TRACE=${trace}
            NPURT_REPORT=${report} ${ARGN} ${APP}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "PASS")
    message(FATAL_ERROR "profile app failed on ${BACKEND} ${ARGN} (rc ${rc}):\n${out}\n${err}")
  endif()
endfunction()

# The lines every report must have: each kernel and copy, the total, and on a modeled device the
# warning and the assumed values the report adds at exit.
set(lines "kernel +scale +1 " "kernel +offset +1 " "kernel +mark +1 " "memcpy +memcpy DtoH +3 "
          "total device time")
if(BACKEND MATCHES "^ascend:")
  list(APPEND lines "NPUW005") # the fp64 launch's warning, in the report written at exit
  # The fp64 launch's time rests on the assumed emulation factor: the report says so.
  list(APPEND lines "assumed values the modelled times rest on" "  mark: [^\n]*fp64EmulationFactor")
endif()
function(check_report text where)
  foreach(line IN LISTS lines)
    if(NOT text MATCHES "${line}")
      message(FATAL_ERROR "report on ${BACKEND}${where}: no line matching '${line}':\n${text}")
    endif()
  endforeach()
endfunction()

run_profiled()

file(READ "${trace}" json)
string(JSON count ERROR_VARIABLE error LENGTH "${json}" traceEvents)
if(error)
  message(FATAL_ERROR "${trace}: not trace-event JSON: ${error}")
endif()
set(rows "")
set(complete "")
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  string(JSON phase GET "${json}" traceEvents ${i} ph)
  string(JSON name GET "${json}" traceEvents ${i} name)
  if(phase STREQUAL "M" AND name STREQUAL "thread_name")
    string(JSON row GET "${json}" traceEvents ${i} args name)
    list(APPEND rows "${row}")
  elseif(phase STREQUAL "X")
    string(JSON ts GET "${json}" traceEvents ${i} ts)
    string(JSON dur GET "${json}" traceEvents ${i} dur)
    if(NOT ts MATCHES "^[0-9.]+$" OR NOT dur MATCHES "^[0-9.]+$")
      message(FATAL_ERROR "event ${i} (${name}): bad ts '${ts}' or dur '${dur}'")
    endif()
    list(APPEND complete "${name}")
  endif()
endforeach()
foreach(row "host API calls" "stream 0 (default)" "stream 1")
  if(NOT row IN_LIST rows)
    message(FATAL_ERROR "trace on ${BACKEND}: no row '${row}' (rows: ${rows})")
  endif()
endforeach()
foreach(op scale offset "memcpy HtoD" "memcpy DtoH" memset npuEventSynchronize)
  if(NOT op IN_LIST complete)
    message(FATAL_ERROR "trace on ${BACKEND}: no event '${op}' (events: ${complete})")
  endif()
endforeach()

file(READ "${report}" text)
check_report("${text}" "")
# The report on stderr, written while the runtime shuts down: the program still exits cleanly.
execute_process(COMMAND ${CMAKE_COMMAND} -E env NPURT_BACKEND=${BACKEND} NPURT_REPORT=- ${APP}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "PASS")
  message(FATAL_ERROR "NPURT_REPORT=- on ${BACKEND} (rc ${rc}):\n${out}\n${err}")
endif()
check_report("${err}" " on stderr (NPURT_REPORT=-)")
# With the memory checker on as well: every exit-time writer runs with its state still alive.
if(MEMCHECK)
  run_profiled(NPURT_MEMCHECK=1)
  file(READ "${trace}" checkedTrace)
  string(JSON checkedCount ERROR_VARIABLE error LENGTH "${checkedTrace}" traceEvents)
  if(error)
    message(FATAL_ERROR "NPURT_MEMCHECK=1 on ${BACKEND}: ${trace} is not trace-event JSON: ${error}")
  endif()
  file(READ "${report}" checked)
  check_report("${checked}" " with NPURT_MEMCHECK=1")
endif()
message(STATUS "${BACKEND}: trace has ${count} events on rows ${rows}; report:\n${text}")
