// Fiber context switch for AArch64 (AAPCS64).
//
//   void npurt_switch_context(void **saveStackPointer, void *loadStackPointer);
//
// Saves the callee-saved registers x19-x28, the frame pointer x29, the link
// register x30 and the low halves d8-d15 on the current stack, stores sp in
// *saveStackPointer, loads loadStackPointer and restores the same set from there.
// A new fiber's stack is prepared (Fiber.cpp) so that the final `ret` enters
// npurt_fiber_trampoline with x19 = argument and x20 = function.
#if defined(__aarch64__)
        .text
        .globl  npurt_switch_context
        .hidden npurt_switch_context
        .type   npurt_switch_context, %function
        .p2align 4
npurt_switch_context:
        .cfi_startproc
        sub     sp, sp, #160
        stp     x19, x20, [sp, #0]
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]
        stp     x27, x28, [sp, #64]
        stp     x29, x30, [sp, #80]
        stp     d8, d9, [sp, #96]
        stp     d10, d11, [sp, #112]
        stp     d12, d13, [sp, #128]
        stp     d14, d15, [sp, #144]
        mov     x2, sp
        str     x2, [x0]
        mov     sp, x1
        ldp     x19, x20, [sp, #0]
        ldp     x21, x22, [sp, #16]
        ldp     x23, x24, [sp, #32]
        ldp     x25, x26, [sp, #48]
        ldp     x27, x28, [sp, #64]
        ldp     x29, x30, [sp, #80]
        ldp     d8, d9, [sp, #96]
        ldp     d10, d11, [sp, #112]
        ldp     d12, d13, [sp, #128]
        ldp     d14, d15, [sp, #144]
        add     sp, sp, #160
        ret
        .cfi_endproc
        .size   npurt_switch_context, .-npurt_switch_context

        .globl  npurt_fiber_trampoline
        .hidden npurt_fiber_trampoline
        .type   npurt_fiber_trampoline, %function
        .p2align 4
npurt_fiber_trampoline:
        .cfi_startproc
        .cfi_undefined x30
        mov     x0, x19
        blr     x20
        brk     #0
        .cfi_endproc
        .size   npurt_fiber_trampoline, .-npurt_fiber_trampoline
#endif
        .section .note.GNU-stack,"",%progbits
