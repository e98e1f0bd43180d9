// Device symbols: __device__/__constant__ globals are ordinary globals, copied to and from by
// the symbol API with bounds checks against sizeof(symbol).
#include <array>

#include "RuntimeTestSupport.h"

using npu::test::RuntimeTest;

namespace {

float gCoefficients[16];
int gCounter;
struct Params {
  int n;
  double scale;
} gParams;
float *gPointer;

using SymbolTest = RuntimeTest;

TEST_F(SymbolTest, CopyToAndFromASymbol) {
  std::array<float, 16> in{}, out{};
  for (int i = 0; i < 16; ++i)
    in[i] = float(i) * 0.5f;
  ASSERT_EQ(npuMemcpyToSymbol(gCoefficients, in.data(), sizeof in), npuSuccess);
  EXPECT_EQ(gCoefficients[3], 1.5f);
  ASSERT_EQ(npuMemcpyFromSymbol(out.data(), gCoefficients, sizeof out), npuSuccess);
  EXPECT_EQ(in, out);
  // With an offset.
  float four[4] = {9, 9, 9, 9};
  ASSERT_EQ(npuMemcpyToSymbol(gCoefficients, four, sizeof four, 12 * sizeof(float)), npuSuccess);
  EXPECT_EQ(gCoefficients[11], 5.5f);
  EXPECT_EQ(gCoefficients[12], 9.f);
  EXPECT_EQ(gCoefficients[15], 9.f);
}

TEST_F(SymbolTest, StructAndPointerSymbols) {
  Params p{7, 2.5};
  ASSERT_EQ(npuMemcpyToSymbol(gParams, &p, sizeof p), npuSuccess);
  EXPECT_EQ(gParams.n, 7);
  float *device = nullptr;
  ASSERT_EQ(npuMalloc(&device, 4 * sizeof(float)), npuSuccess);
  ASSERT_EQ(npuMemcpyToSymbol(gPointer, &device, sizeof device), npuSuccess);
  EXPECT_EQ(gPointer, device); // the symbol is the pointer variable, not what it points to
  EXPECT_EQ(npuFree(device), npuSuccess);
}

TEST_F(SymbolTest, OffsetAndCountAreBoundsChecked) {
  int values[2] = {1, 2};
  EXPECT_EQ(npuMemcpyToSymbol(gCounter, values, sizeof values), npuErrorInvalidValue);
  EXPECT_EQ(npuMemcpyToSymbol(gCounter, values, sizeof(int), 1), npuErrorInvalidValue);
  EXPECT_EQ(npuMemcpyFromSymbol(values, gCoefficients, 4, sizeof gCoefficients),
            npuErrorInvalidValue);
  EXPECT_EQ(npuMemcpyToSymbol(gCounter, values, sizeof(int), 0, npuMemcpyDeviceToHost),
            npuErrorInvalidMemcpyDirection);
  EXPECT_EQ(npuMemcpyFromSymbol(values, gCounter, sizeof(int), 0, npuMemcpyHostToDevice),
            npuErrorInvalidMemcpyDirection);
  EXPECT_EQ(npuMemcpyToSymbol(gCounter, values, sizeof(int)), npuSuccess);
  EXPECT_EQ(gCounter, 1);
}

TEST_F(SymbolTest, AddressAndSize) {
  void *address = nullptr;
  size_t size = 0;
  ASSERT_EQ(npuGetSymbolAddress(&address, gCoefficients), npuSuccess);
  EXPECT_EQ(address, static_cast<void *>(gCoefficients));
  ASSERT_EQ(npuGetSymbolSize(&size, gCoefficients), npuSuccess);
  EXPECT_EQ(size, sizeof gCoefficients);
  npuPointerAttributes a;
  ASSERT_EQ(npuPointerGetAttributes(&a, address), npuSuccess);
  EXPECT_EQ(a.type, npuMemoryTypeDevice);
  // The address serves as device memory in ordinary copies, bounds-checked too.
  float in[16] = {};
  in[0] = 3;
  EXPECT_EQ(npuMemcpy(address, in, sizeof in, npuMemcpyHostToDevice), npuSuccess);
  EXPECT_EQ(gCoefficients[0], 3.f);
  EXPECT_EQ(npuMemcpy(address, in, sizeof in + 1, npuMemcpyHostToDevice), npuErrorInvalidValue);
  EXPECT_EQ(npuFree(address), npuErrorInvalidValue); // a symbol is not an allocation
  EXPECT_EQ(npuGetSymbolAddress(nullptr, gCoefficients), npuErrorInvalidValue);
}

TEST_F(SymbolTest, CFormsRejectWhatIsNotAGlobal) {
  int onStack = 0;
  int value = 5;
  EXPECT_EQ(npuMemcpyToSymbol(static_cast<const void *>(&onStack), &value, sizeof value),
            npuErrorInvalidSymbol);
  EXPECT_EQ(npuMemcpyToSymbol(static_cast<const void *>(nullptr), &value, sizeof value),
            npuErrorInvalidSymbol);
  void *heap = nullptr;
  ASSERT_EQ(npuMalloc(&heap, 16), npuSuccess);
  void *address = nullptr;
  EXPECT_EQ(npuGetSymbolAddress(&address, static_cast<const void *>(heap)), npuErrorInvalidSymbol);
  EXPECT_EQ(npuFree(heap), npuSuccess);
  // A registered symbol's address works through the C form.
  ASSERT_EQ(npuMemcpyToSymbol(gCounter, &value, sizeof value), npuSuccess);
  value = 6;
  EXPECT_EQ(npuMemcpyToSymbol(static_cast<const void *>(&gCounter), &value, sizeof value),
            npuSuccess);
  EXPECT_EQ(gCounter, 6);
}

TEST_F(SymbolTest, AsyncForms) {
  npuStream_t stream;
  ASSERT_EQ(npuStreamCreate(&stream), npuSuccess);
  int value = 11, back = 0;
  ASSERT_EQ(
      npuMemcpyToSymbolAsync(gCounter, &value, sizeof value, 0, npuMemcpyHostToDevice, stream),
      npuSuccess);
  ASSERT_EQ(
      npuMemcpyFromSymbolAsync(&back, gCounter, sizeof back, 0, npuMemcpyDeviceToHost, stream),
      npuSuccess);
  ASSERT_EQ(npuStreamSynchronize(stream), npuSuccess);
  EXPECT_EQ(back, 11);
  EXPECT_EQ(npuStreamDestroy(stream), npuSuccess);
}

} // namespace
