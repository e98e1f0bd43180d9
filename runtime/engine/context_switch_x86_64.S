// Fiber context switch for x86-64 System V.
//
//   void npurt_switch_context(void **saveStackPointer, void *loadStackPointer);
//
// Saves the callee-saved registers (rbx, rbp, r12-r15) on the current stack,
// stores the stack pointer in *saveStackPointer, loads loadStackPointer and
// restores the same set from there. The SSE control/status register and the x87
// control word are not switched: every fiber of a worker runs kernel code that
// leaves them alone, and ldmxcsr/fldcw would double the cost of a switch. A new fiber's stack is prepared (Fiber.cpp) so that the final `ret`
// enters npurt_fiber_trampoline with r12 = argument and r13 = function.
#if defined(__x86_64__)
        .text
        .globl  npurt_switch_context
        .hidden npurt_switch_context
        .type   npurt_switch_context, @function
        .p2align 4
npurt_switch_context:
        .cfi_startproc
        pushq   %rbp
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        movq    %rsp, (%rdi)
        movq    %rsi, %rsp
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbx
        popq    %rbp
        ret
        .cfi_endproc
        .size   npurt_switch_context, .-npurt_switch_context

        .globl  npurt_fiber_trampoline
        .hidden npurt_fiber_trampoline
        .type   npurt_fiber_trampoline, @function
        .p2align 4
npurt_fiber_trampoline:
        .cfi_startproc
        .cfi_undefined rip
        movq    %r12, %rdi
        callq   *%r13
        ud2
        .cfi_endproc
        .size   npurt_fiber_trampoline, .-npurt_fiber_trampoline
#endif
        .section .note.GNU-stack,"",%progbits
