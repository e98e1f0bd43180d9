# Optional, visibly skipped without a CUDA toolkit: the golden inputs are real CUDA, i.e. nvcc
# accepts them (syntax only). cu2npu itself never uses the toolkit.
find_program(NVCC nvcc HINTS /usr/local/cuda/bin)
if(NOT NVCC)
  message("SKIPPED: no nvcc")
  cmake_language(EXIT 77)
endif()
file(MAKE_DIRECTORY "${WORK}")
foreach(c launch/basic.cu launch/templates.cu kernel/wrap.cu kernel/shared.cu api/rename.cu
          texture/objects.cu texture/arrays.cu)
  # arch/cuda_arch.cu is left out: its "!defined(__CUDA_ARCH__) || __CUDA_ARCH__ < 600" fallback
  # collides with CUDA 13's own host-side atomicAdd(double); cu2npu must still handle it.
  execute_process(COMMAND "${NVCC}" -std=c++17 -arch=sm_80 -c "${SRC}/${c}" -o "${WORK}/x.o"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "nvcc rejects ${c}:\n${err}")
  endif()
endforeach()
