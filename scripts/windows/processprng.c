/* A stand-in for bcryptprimitives.dll, for running the Windows build under Wine only.
 *
 * Rust's standard library gets its random numbers from ProcessPrng, which Windows 10 and
 * later have in bcryptprimitives.dll; Wine 8 does not. This DLL gives Wine that one
 * function, filled by RtlGenRandom (SystemFunction036 in advapi32), which Wine has.
 * It is never shipped to a school: real Windows has its own. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a ULONG; fill larger requests in pieces. */
    while (length > 0) {
        ULONG piece = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, piece))
            return FALSE;
        data += piece;
        length -= piece;
    }
    return TRUE;
}
