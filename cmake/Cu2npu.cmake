# cu2npu_add_executable(<target> SOURCES <files>... [INCLUDE_DIRECTORIES <dirs>...]
#                       [COMPILE_DEFINITIONS <defs>...] [CU2NPU_OPTIONS <options>...])
#
# Translates the CUDA sources among SOURCES with cu2npu at build time -- every
# .cu, and every C++ source (.cpp .cc .cxx) that includes a CUDA header, calls
# a cudaX function or launches a kernel (decided from its text when CMake
# configures; a change to the file reconfigures) -- and builds an executable
# from the translated files (and the plain C++ sources) against npurt. Host
# sources keep their names. The translation mirrors the source tree under
# ${CMAKE_CURRENT_BINARY_DIR}/<target>.cu2npu/; local headers the sources
# include are translated there too, keeping their names. A source is
# translated again when it or a header it includes changes.
#
# The translator is the build tree's cu2npu target, or the installed cu2npu
# (CU2NPU_EXECUTABLE overrides both).

function(cu2npu_add_executable target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" ""
    "SOURCES;INCLUDE_DIRECTORIES;COMPILE_DEFINITIONS;CU2NPU_OPTIONS")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "cu2npu_add_executable(${target}): no SOURCES")
  endif()
  if(CU2NPU_EXECUTABLE)
    set(translator ${CU2NPU_EXECUTABLE})
    set(translator_dep ${CU2NPU_EXECUTABLE})
  elseif(TARGET cu2npu)
    set(translator $<TARGET_FILE:cu2npu>)
    set(translator_dep cu2npu)
  else()
    message(FATAL_ERROR "cu2npu_add_executable: no cu2npu translator (set CU2NPU_EXECUTABLE)")
  endif()

  set(out_root ${CMAKE_CURRENT_BINARY_DIR}/${target}.cu2npu)
  set(clang_args)
  set(include_dirs)
  foreach(dir IN LISTS ARG_INCLUDE_DIRECTORIES)
    get_filename_component(dir ${dir} ABSOLUTE)
    list(APPEND clang_args -I${dir})
    # Headers under the source dir are translated into the mirrored folder: search it first.
    file(RELATIVE_PATH rel_dir ${CMAKE_CURRENT_SOURCE_DIR} ${dir})
    if(NOT rel_dir MATCHES "^\\.\\.")
      list(APPEND include_dirs ${out_root}/${rel_dir})
    endif()
    list(APPEND include_dirs ${dir})
  endforeach()
  foreach(def IN LISTS ARG_COMPILE_DEFINITIONS)
    list(APPEND clang_args -D${def})
  endforeach()

  set(built_sources)
  foreach(src IN LISTS ARG_SOURCES)
    get_filename_component(src ${src} ABSOLUTE)
    set(uses_cuda OFF)
    if(src MATCHES "\\.(cpp|cc|cxx)$")
      file(READ ${src} text)
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${src})
      if(text MATCHES "#[ \t]*include[ \t]*[<\"](cuda|cuda_runtime|cuda_runtime_api|cuda_fp16|cuda_bf16|device_launch_parameters|cooperative_groups|curand_kernel)\\.h[>\"]"
         OR text MATCHES "cuda[A-Z][A-Za-z0-9_]*[ \t]*\\(" OR text MATCHES "<<<")
        set(uses_cuda ON)
      endif()
    endif()
    if(NOT src MATCHES "\\.cu$" AND NOT uses_cuda)
      list(APPEND built_sources ${src})
      continue()
    endif()
    file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR} ${src})
    string(REGEX REPLACE "\\.cu$" ".npu.cpp" rel_out ${rel})
    set(out ${out_root}/${rel_out})
    add_custom_command(OUTPUT ${out}
      COMMAND ${translator} -q --in-root ${CMAKE_CURRENT_SOURCE_DIR} --out-root ${out_root}
              ${ARG_CU2NPU_OPTIONS} ${src} -- ${clang_args}
      DEPENDS ${src} ${translator_dep}
      IMPLICIT_DEPENDS CXX ${src}
      COMMENT "cu2npu ${rel}"
      VERBATIM)
    list(APPEND built_sources ${out})
  endforeach()

  add_executable(${target} ${built_sources})
  target_include_directories(${target} PRIVATE ${out_root} ${include_dirs})
  target_compile_definitions(${target} PRIVATE ${ARG_COMPILE_DEFINITIONS})
  target_link_libraries(${target} PRIVATE npurt::npurt)
  # thrust's TBB device system (npurt/lib/thrust.h) calls TBB; a shared npurt does not pass its
  # own TBB on to the program.
  if(TARGET TBB::tbb)
    target_link_libraries(${target} PRIVATE TBB::tbb)
  endif()
endfunction()
