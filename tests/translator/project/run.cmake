# A small multi-file project given by a compile_commands.json (generated here, absolute paths,
# nvcc-style commands): flags (-D, -I) and the file list come from the database; the shared
# header is translated once, keeping its name (includes unchanged under --out-root).
set(src "${CMAKE_CURRENT_LIST_DIR}/src")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/build")
file(WRITE "${WORK}/build/compile_commands.json" "[
  {\"directory\": \"${src}\", \"file\": \"${src}/app.cu\",
   \"command\": \"/usr/local/cuda/bin/nvcc -arch=sm_80 -DN=64 -Ilib --expt-relaxed-constexpr -c app.cu -o app.o\"},
  {\"directory\": \"${src}/lib\", \"file\": \"${src}/lib/other.cu\",
   \"arguments\": [\"nvcc\", \"-DN=32\", \"-x\", \"cu\", \"-c\", \"other.cu\"]}
]")
execute_process(COMMAND "${CU2NPU}" -p "${WORK}/build" --in-root "${src}" --out-root "${WORK}/out" --stats
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
message("${err}\n${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "rc=${rc}")
endif()
foreach(f app.npu.cpp lib/other.npu.cpp lib/common.cuh)
  if(NOT EXISTS "${WORK}/out/${f}")
    message(FATAL_ERROR "missing ${f}")
  endif()
endforeach()
file(READ "${WORK}/out/app.npu.cpp" a)
foreach(want "#include \"lib/common.cuh\"" "::npu::launch(::npu::never_waits, \"twice\", twice, 1, N, 0, 0, d)" "npuMalloc(&d, N * sizeof(float))")
  string(FIND "${a}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "app.npu.cpp lacks ${want}\n${a}")
  endif()
endforeach()
file(READ "${WORK}/out/lib/common.cuh" h)
string(FIND "${h}" "::npu::for_each_thread<::npu::ThreadIdxGlobal::Unused, ::npu::ThreadDims::X>(" at)
if(at EQUAL -1)
  message(FATAL_ERROR "common.cuh not translated\n${h}")
endif()
string(FIND "${out}" "files written     : 3" at)
if(at EQUAL -1)
  message(FATAL_ERROR "header not translated exactly once")
endif()
