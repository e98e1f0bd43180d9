// End to end: CUB's warp and block collectives and device-wide algorithms, each result checked
// against a host reference. Written as CUB users write it: template kernels with typedef'd
// collectives, TempStorage unions and arrays, a stateful prefix callback across tiles, CUB's
// two-phase temp-storage protocol, DoubleBuffer, fancy input iterators.
#include <cub/cub.cuh>
#include <cstdio>
#include <cstring>
#include <cmath>
#include <vector>
#include <algorithm>
#include <numeric>

static int g_errors = 0;
#define CHECK(cond)                                                             \
  do {                                                                          \
    if (!(cond)) {                                                              \
      printf("check failed at line %d: %s\n", __LINE__, #cond);                 \
      ++g_errors;                                                               \
    }                                                                           \
  } while (0)

// Warp sums and warp inclusive scans, four warps per block.
__global__ void warpKernel(const int *in, int *warp_sums, int *scans) {
  typedef cub::WarpReduce<int> WarpReduce;
  typedef cub::WarpScan<int> WarpScan;
  __shared__ typename WarpReduce::TempStorage reduce_storage[4];
  __shared__ typename WarpScan::TempStorage scan_storage[4];
  int warp = threadIdx.x / 32;
  int gid = blockIdx.x * blockDim.x + threadIdx.x;
  int v = in[gid];
  int sum = WarpReduce(reduce_storage[warp]).Sum(v);
  if (threadIdx.x % 32 == 0)
    warp_sums[gid / 32] = sum;
  int inclusive;
  WarpScan(scan_storage[warp]).InclusiveSum(v, inclusive);
  scans[gid] = inclusive;
}

// A running prefix carried across tiles by the first warp's callback, as in CUB's docs.
struct RunningPrefix {
  int running_total;
  __device__ RunningPrefix(int start) : running_total(start) {}
  __device__ int operator()(int block_aggregate) {
    int old = running_total;
    running_total += block_aggregate;
    return old;
  }
};

template <int BLOCK_THREADS, int ITEMS>
__global__ void tiledScanKernel(const int *in, int *out, int num_tiles) {
  typedef cub::BlockLoad<int, BLOCK_THREADS, ITEMS, cub::BLOCK_LOAD_STRIPED> Load;
  typedef cub::BlockStore<int, BLOCK_THREADS, ITEMS, cub::BLOCK_STORE_STRIPED> Store;
  typedef cub::BlockScan<int, BLOCK_THREADS> Scan;
  __shared__ union {
    typename Load::TempStorage load;
    typename Store::TempStorage store;
    typename Scan::TempStorage scan;
  } temp;
  RunningPrefix prefix(0);
  for (int tile = 0; tile < num_tiles; ++tile) {
    int offset = tile * BLOCK_THREADS * ITEMS;
    int items[ITEMS];
    Load(temp.load).Load(in + offset, items);
    // Striped to blocked for the scan, which wants each thread's items consecutive.
    int blocked[ITEMS];
    for (int i = 0; i < ITEMS; ++i)
      blocked[i] = in[offset + threadIdx.x * ITEMS + i];
    __syncthreads();
    Scan(temp.scan).ExclusiveSum(blocked, blocked, prefix);
    __syncthreads();
    cub::StoreDirectBlocked(threadIdx.x, out + offset, blocked);
    (void)items;
  }
}

// A block sort of (key, value) pairs with float keys, and a reduction with num_valid.
template <int BLOCK_THREADS, int ITEMS>
__global__ void sortKernel(const float *keys_in, const int *values_in, float *keys_out,
                           int *values_out, float *partial_max, int valid) {
  typedef cub::BlockRadixSort<float, BLOCK_THREADS, ITEMS, int> Sort;
  typedef cub::BlockReduce<float, BLOCK_THREADS> Reduce;
  __shared__ typename Sort::TempStorage sort_storage;
  __shared__ typename Reduce::TempStorage reduce_storage;
  float keys[ITEMS];
  int values[ITEMS];
  cub::LoadDirectBlocked(threadIdx.x, keys_in, keys);
  cub::LoadDirectBlocked(threadIdx.x, values_in, values);
  Sort(sort_storage).Sort(keys, values);
  cub::StoreDirectBlocked(threadIdx.x, keys_out, keys);
  cub::StoreDirectBlocked(threadIdx.x, values_out, values);
  float m = Reduce(reduce_storage).Reduce(keys_in[threadIdx.x], cub::Max(), valid);
  if (threadIdx.x == 0)
    *partial_max = m;
}

// Segmented warp sums: head flags at every lane divisible by 5, tail flags at every lane whose
// index is 3 modulo 7; each segment's sum lands in its first lane.
__global__ void segmentedKernel(const int *in, int *head_sums, int *tail_sums) {
  typedef cub::WarpReduce<int> WarpReduce;
  __shared__ typename WarpReduce::TempStorage storage[2];
  int lane = threadIdx.x;
  int v = in[lane];
  int head = WarpReduce(storage[0]).HeadSegmentedSum(v, lane % 5 == 0);
  int tail = WarpReduce(storage[1]).TailSegmentedSum(v, lane % 7 == 3);
  head_sums[lane] = head;
  tail_sums[lane] = tail;
}

// CUB's key twiddling: the unsigned image orders keys as the keys order, and TwiddleOut undoes it.
template <class T> bool twiddleOrders(T a, T b) {
  typedef typename cub::Traits<T>::UnsignedBits U;
  U ua, ub;
  memcpy(&ua, &a, sizeof a);
  memcpy(&ub, &b, sizeof b);
  U ia = cub::Traits<T>::TwiddleIn(ua), ib = cub::Traits<T>::TwiddleIn(ub);
  return (a < b) == (ia < ib) && cub::Traits<T>::TwiddleOut(ia) == ua;
}

struct LowDigitLess {
  __host__ __device__ bool operator()(int a, int b) const { return a % 10 < b % 10; }
};

struct IsOdd {
  __host__ __device__ bool operator()(int x) const { return x & 1; }
};
struct Square {
  __host__ __device__ long long operator()(int x) const { return (long long)x * x; }
};

template <class T> T *upload(const std::vector<T> &h) {
  T *d;
  cudaMalloc(&d, h.size() * sizeof(T));
  cudaMemcpy(d, h.data(), h.size() * sizeof(T), cudaMemcpyHostToDevice);
  return d;
}
template <class T> std::vector<T> download(const T *d, size_t n) {
  std::vector<T> h(n);
  cudaMemcpy(h.data(), d, n * sizeof(T), cudaMemcpyDeviceToHost);
  return h;
}

int main() {
  // ---- warp collectives ----
  {
    const int n = 256;
    std::vector<int> h(n);
    for (int i = 0; i < n; ++i)
      h[i] = (i * 7) % 19 - 9;
    int *d_in = upload(h), *d_sums, *d_scans;
    cudaMalloc(&d_sums, n / 32 * sizeof(int));
    cudaMalloc(&d_scans, n * sizeof(int));
    warpKernel<<<2, 128>>>(d_in, d_sums, d_scans);
    CHECK(cudaDeviceSynchronize() == cudaSuccess);
    std::vector<int> sums = download(d_sums, n / 32), scans = download(d_scans, n);
    for (int w = 0; w < n / 32; ++w) {
      int s = 0;
      for (int l = 0; l < 32; ++l) {
        s += h[w * 32 + l];
        CHECK(scans[w * 32 + l] == s);
      }
      CHECK(sums[w] == s);
    }
  }
  // ---- block scan across tiles with a prefix callback ----
  {
    const int threads = 64, items = 4, tiles = 5, n = threads * items * tiles;
    std::vector<int> h(n);
    for (int i = 0; i < n; ++i)
      h[i] = i % 13;
    int *d_in = upload(h), *d_out;
    cudaMalloc(&d_out, n * sizeof(int));
    tiledScanKernel<threads, items><<<1, threads>>>(d_in, d_out, tiles);
    CHECK(cudaDeviceSynchronize() == cudaSuccess);
    std::vector<int> out = download(d_out, n);
    int running = 0;
    for (int i = 0; i < n; ++i) {
      CHECK(out[i] == running);
      running += h[i];
    }
  }
  // ---- block radix sort of float keys (negative, -0.0) with values; reduction of a prefix ----
  {
    const int threads = 32, items = 4, n = threads * items;
    std::vector<float> keys(n);
    std::vector<int> values(n);
    for (int i = 0; i < n; ++i) {
      keys[i] = float((i * 29) % 17) - 8.5f;
      values[i] = i;
    }
    keys[3] = -0.0f;
    keys[5] = 0.0f;
    float *d_keys = upload(keys), *d_keys_out, *d_max;
    int *d_values = upload(values), *d_values_out;
    cudaMalloc(&d_keys_out, n * sizeof(float));
    cudaMalloc(&d_values_out, n * sizeof(int));
    cudaMalloc(&d_max, sizeof(float));
    sortKernel<threads, items><<<1, threads>>>(d_keys, d_values, d_keys_out, d_values_out, d_max,
                                               20);
    CHECK(cudaDeviceSynchronize() == cudaSuccess);
    std::vector<float> sorted = download(d_keys_out, n);
    std::vector<int> perm = download(d_values_out, n);
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    // Radix order: -0.0 before +0.0, otherwise numeric; stable.
    auto rank = [&](int i) { return keys[i] == 0.0f ? (std::signbit(keys[i]) ? -0.25f : 0.25f) * 1e-30f : keys[i]; };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rank(a) < rank(b); });
    for (int i = 0; i < n; ++i) {
      CHECK(perm[i] == order[i]);
      CHECK(sorted[i] == keys[order[i]]);
    }
    CHECK(std::signbit(sorted[std::find(perm.begin(), perm.end(), 3) - perm.begin()]));
    float m = download(d_max, 1)[0];
    CHECK(m == *std::max_element(keys.begin(), keys.begin() + 20));
  }
  // ---- device-wide algorithms ----
  {
    const int n = 1000;
    std::vector<int> h(n);
    for (int i = 0; i < n; ++i)
      h[i] = (i * 31) % 97 - 40;
    int *d_in = upload(h), *d_out, *d_num;
    cudaMalloc(&d_out, n * sizeof(int));
    cudaMalloc(&d_num, sizeof(int));
    void *d_temp = NULL;
    size_t temp_bytes = 0;
    // The size query does nothing else; too small a buffer is an error.
    CHECK(cub::DeviceSelect::If(d_temp, temp_bytes, d_in, d_out, d_num, n, IsOdd()) == cudaSuccess);
    CHECK(temp_bytes > 0);
    cudaMalloc(&d_temp, temp_bytes);
    size_t too_small = 0;
    CHECK(cub::DeviceSelect::If(d_temp, too_small, d_in, d_out, d_num, n, IsOdd()) ==
          cudaErrorInvalidValue);

    // Select, partition, unique.
    CHECK(cub::DeviceSelect::If(d_temp, temp_bytes, d_in, d_out, d_num, n, IsOdd()) == cudaSuccess);
    std::vector<int> odd;
    for (int x : h)
      if (x & 1)
        odd.push_back(x);
    CHECK(download(d_num, 1)[0] == (int)odd.size());
    std::vector<int> got = download(d_out, odd.size());
    CHECK(got == odd);
    CHECK(cub::DevicePartition::If(d_temp, temp_bytes, d_in, d_out, d_num, n, IsOdd()) == cudaSuccess);
    std::vector<int> part = download(d_out, n), expect_part = odd;
    for (int i = n - 1; i >= 0; --i)
      if (!(h[i] & 1))
        expect_part.push_back(h[i]);
    CHECK(part == expect_part);
    std::vector<char> flags(n);
    for (int i = 0; i < n; ++i)
      flags[i] = i % 3 == 0;
    char *d_flags = upload(flags);
    CHECK(cub::DeviceSelect::Flagged(d_temp, temp_bytes, d_in, d_flags, d_out, d_num, n) == cudaSuccess);
    CHECK(download(d_num, 1)[0] == (n + 2) / 3);
    CHECK(download(d_out, 1)[0] == h[0]);
    std::vector<int> runs = {1, 1, 2, 2, 2, 3, 1, 1};
    int *d_runs = upload(runs), *d_counts;
    cudaMalloc(&d_counts, runs.size() * sizeof(int));
    CHECK(cub::DeviceRunLengthEncode::Encode(d_temp, temp_bytes, d_runs, d_out, d_counts, d_num,
                                             (int)runs.size()) == cudaSuccess);
    CHECK(download(d_num, 1)[0] == 4);
    CHECK(download(d_out, 4) == std::vector<int>({1, 2, 3, 1}));
    CHECK(download(d_counts, 4) == std::vector<int>({2, 3, 1, 2}));
    CHECK(cub::DeviceSelect::Unique(d_temp, temp_bytes, d_runs, d_out, d_num, (int)runs.size()) == cudaSuccess);
    CHECK(download(d_num, 1)[0] == 4);

    // Reductions: ArgMin/ArgMax (first extreme), a transform iterator, segmented sums.
    cub::KeyValuePair<int, int> *d_arg;
    cudaMalloc(&d_arg, sizeof(*d_arg));
    CHECK(cub::DeviceReduce::ArgMin(d_temp, temp_bytes, d_in, d_arg, n) == cudaSuccess);
    cub::KeyValuePair<int, int> arg = download(d_arg, 1)[0];
    int min_at = int(std::min_element(h.begin(), h.end()) - h.begin());
    CHECK(arg.key == min_at && arg.value == h[min_at]);
    CHECK(cub::DeviceReduce::ArgMax(d_temp, temp_bytes, d_in, d_arg, n) == cudaSuccess);
    arg = download(d_arg, 1)[0];
    int max_at = int(std::max_element(h.begin(), h.end()) - h.begin());
    CHECK(arg.key == max_at && arg.value == h[max_at]);
    long long *d_sq;
    cudaMalloc(&d_sq, sizeof(long long));
    cub::TransformInputIterator<long long, Square, int *> squares(d_in, Square());
    CHECK(cub::DeviceReduce::Sum(d_temp, temp_bytes, squares, d_sq, n) == cudaSuccess);
    long long sq = 0;
    for (int x : h)
      sq += (long long)x * x;
    CHECK(download(d_sq, 1)[0] == sq);
    cub::CountingInputIterator<int> count(5);
    CHECK(cub::DeviceReduce::Max(d_temp, temp_bytes, count, d_out, 10) == cudaSuccess);
    CHECK(download(d_out, 1)[0] == 14);
    std::vector<int> offsets = {0, 10, 10, 500, n};
    int *d_offsets = upload(offsets);
    CHECK(cub::DeviceSegmentedReduce::Sum(d_temp, temp_bytes, d_in, d_out, 4, d_offsets,
                                          d_offsets + 1) == cudaSuccess);
    std::vector<int> seg = download(d_out, 4);
    for (int s = 0; s < 4; ++s)
      CHECK(seg[s] == std::accumulate(h.begin() + offsets[s], h.begin() + offsets[s + 1], 0));

    // Scans in place, inclusive with an operator.
    int *d_scan = upload(h);
    CHECK(cub::DeviceScan::InclusiveScan(d_temp, temp_bytes, d_scan, d_scan, cub::Max(), n) == cudaSuccess);
    std::vector<int> scan = download(d_scan, n);
    int running = h[0];
    for (int i = 0; i < n; ++i) {
      running = std::max(running, h[i]);
      CHECK(scan[i] == running);
    }
    CHECK(cub::DeviceScan::ExclusiveScan(d_temp, temp_bytes, d_in, d_out, cub::Sum(), 100, n) == cudaSuccess);
    scan = download(d_out, n);
    running = 100;
    for (int i = 0; i < n; ++i) {
      CHECK(scan[i] == running);
      running += h[i];
    }

    // Radix sort: DoubleBuffer, descending, a bit range (the low byte only: stable within it).
    int *d_alt;
    cudaMalloc(&d_alt, n * sizeof(int));
    int *d_keys = upload(h);
    cub::DoubleBuffer<int> keys(d_keys, d_alt);
    CHECK(cub::DeviceRadixSort::SortKeysDescending(d_temp, temp_bytes, keys, n) == cudaSuccess);
    std::vector<int> desc = download(keys.Current(), n), expect_desc = h;
    std::sort(expect_desc.begin(), expect_desc.end(), [](int a, int b) { return a > b; });
    CHECK(desc == expect_desc);
    std::vector<unsigned> u(n);
    for (int i = 0; i < n; ++i)
      u[i] = unsigned(i * 2654435761u);
    unsigned *d_u = upload(u), *d_u_out;
    cudaMalloc(&d_u_out, n * sizeof(unsigned));
    CHECK(cub::DeviceRadixSort::SortKeys(d_temp, temp_bytes, d_u, d_u_out, n, 0, 8) == cudaSuccess);
    std::vector<unsigned> low = download(d_u_out, n), expect_low = u;
    std::stable_sort(expect_low.begin(), expect_low.end(),
                     [](unsigned a, unsigned b) { return (a & 255u) < (b & 255u); });
    CHECK(low == expect_low);
    CHECK(cub::DeviceRadixSort::SortKeys(d_temp, temp_bytes, d_u, d_u_out, n, 0, 40) ==
          cudaErrorInvalidValue);
    cudaFree(d_temp);
  }
  {
    // Segmented warp reductions (first lane of each segment).
    std::vector<int> h(32);
    for (int i = 0; i < 32; ++i)
      h[i] = i * 3 - 40;
    int *d_in = upload(h), *d_head, *d_tail;
    cudaMalloc(&d_head, 32 * sizeof(int));
    cudaMalloc(&d_tail, 32 * sizeof(int));
    segmentedKernel<<<1, 32>>>(d_in, d_head, d_tail);
    CHECK(cudaDeviceSynchronize() == cudaSuccess);
    std::vector<int> head = download(d_head, 32), tail = download(d_tail, 32);
    for (int start = 0; start < 32; start += 5) {
      int sum = 0;
      for (int i = start; i < std::min(start + 5, 32); ++i)
        sum += h[i];
      CHECK(head[start] == sum);
    }
    for (int start = 0; start < 32;) {
      int end = start;
      while (end < 31 && end % 7 != 3)
        ++end;
      CHECK(tail[start] == std::accumulate(h.begin() + start, h.begin() + end + 1, 0));
      start = end + 1;
    }
    // Key twiddling of floats (negative zero, infinities) and signed integers.
    CHECK(twiddleOrders(-1.5f, -0.25f) && twiddleOrders(-0.25f, 3.0f) && twiddleOrders(2.0, 1e300));
    CHECK(twiddleOrders(-INFINITY, -1e30f) && twiddleOrders(-7, 5) && twiddleOrders(-9LL, -8LL));
    CHECK(twiddleOrders(3u, 4000000000u));
    typedef cub::Traits<float>::UnsignedBits Bits;
    Bits neg_zero, pos_zero;
    float nz = -0.0f, pz = 0.0f;
    memcpy(&neg_zero, &nz, 4);
    memcpy(&pos_zero, &pz, 4);
    CHECK(cub::Traits<float>::TwiddleIn(neg_zero) < cub::Traits<float>::TwiddleIn(pos_zero));
  }
  {
    // By key: runs of equal keys reduced and scanned on their own; histograms.
    std::vector<int> keys = {4, 4, 1, 1, 1, 9, 4, 4, 2}, vals = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    const int n = (int)keys.size();
    int *d_keys = upload(keys), *d_vals = upload(vals), *d_unique, *d_aggs, *d_runs, *d_out;
    cudaMalloc(&d_unique, n * sizeof(int));
    cudaMalloc(&d_aggs, n * sizeof(int));
    cudaMalloc(&d_runs, sizeof(int));
    cudaMalloc(&d_out, n * sizeof(int));
    void *d_temp = NULL;
    size_t temp_bytes = 0;
    CHECK(cub::DeviceReduce::ReduceByKey(d_temp, temp_bytes, d_keys, d_unique, d_vals, d_aggs, d_runs,
                                         cub::Sum(), n) == cudaSuccess);
    cudaMalloc(&d_temp, temp_bytes);
    CHECK(cub::DeviceReduce::ReduceByKey(d_temp, temp_bytes, d_keys, d_unique, d_vals, d_aggs, d_runs,
                                         cub::Sum(), n) == cudaSuccess);
    CHECK(download(d_runs, 1)[0] == 5);
    CHECK(download(d_unique, 5) == std::vector<int>({4, 1, 9, 4, 2}));
    CHECK(download(d_aggs, 5) == std::vector<int>({3, 12, 6, 15, 9}));
    CHECK(cub::DeviceScan::ExclusiveSumByKey(d_temp, temp_bytes, d_keys, d_vals, d_out, n) == cudaSuccess);
    CHECK(download(d_out, n) == std::vector<int>({0, 1, 0, 3, 7, 0, 0, 7, 0}));
    CHECK(cub::DeviceScan::InclusiveScanByKey(d_temp, temp_bytes, d_keys, d_vals, d_out, cub::Max(), n) ==
          cudaSuccess);
    CHECK(download(d_out, n) == std::vector<int>({1, 2, 3, 4, 5, 6, 7, 8, 9}));
    CHECK(cub::DeviceScan::ExclusiveScanByKey(d_temp, temp_bytes, d_keys, d_vals, d_out, cub::Sum(), 100, n) ==
          cudaSuccess);
    CHECK(download(d_out, n) == std::vector<int>({100, 101, 100, 103, 107, 100, 100, 107, 100}));

    std::vector<float> samples = {0.0f, 0.5f, 0.99f, 1.0f, 2.5f, 3.999f, 4.0f, -0.1f, 1.5f, 1.5f};
    float *d_samples = upload(samples);
    unsigned *d_hist;
    cudaMalloc(&d_hist, 4 * sizeof(unsigned));
    cudaMemset(d_hist, 0xff, 4 * sizeof(unsigned)); // the histogram is zeroed by the call
    CHECK(cub::DeviceHistogram::HistogramEven(d_temp, temp_bytes, d_samples, d_hist, 5, 0.0f, 4.0f,
                                              (int)samples.size()) == cudaSuccess);
    CHECK(download(d_hist, 4) == std::vector<unsigned>({3, 3, 1, 1}));
    std::vector<float> levels = {0.0f, 1.0f, 1.5f, 4.0f};
    float *d_levels = upload(levels);
    CHECK(cub::DeviceHistogram::HistogramRange(d_temp, temp_bytes, d_samples, d_hist, 4, d_levels,
                                               (int)samples.size()) == cudaSuccess);
    CHECK(download(d_hist, 3) == std::vector<unsigned>({3, 1, 4}));
    std::vector<unsigned char> pixels = {0, 63, 64, 200, 255, 128, 7, 9};
    unsigned char *d_pixels = upload(pixels);
    int *d_ihist;
    cudaMalloc(&d_ihist, 4 * sizeof(int));
    // Two rows of three samples, four bytes apart: pixels 0..2 and 4..6.
    CHECK(cub::DeviceHistogram::HistogramEven(d_temp, temp_bytes, d_pixels, d_ihist, 5, 0, 256, 3, 2,
                                              (size_t)4) == cudaSuccess);
    CHECK(download(d_ihist, 4) == std::vector<int>({3, 1, 1, 1}));
    // The run count without the keys: their output discarded.
    CHECK(cub::DeviceReduce::ReduceByKey(d_temp, temp_bytes, d_keys, cub::DiscardOutputIterator<>(), d_vals,
                                         d_aggs, d_runs, cub::Max(), n) == cudaSuccess);
    CHECK(download(d_runs, 1)[0] == 5 && download(d_aggs, 5) == std::vector<int>({2, 5, 6, 8, 9}));
    cudaFree(d_temp);
  }
  {
    // Segmented sorts: each segment on its own, the gap between segments untouched.
    std::vector<int> keys = {5, 3, 9, 1, 7, 7, 2, 8, 6, 4}, vals = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    std::vector<int> begins = {0, 4}, ends = {3, 10};
    const int n = (int)keys.size();
    int *d_keys = upload(keys), *d_vals = upload(vals), *d_begins = upload(begins), *d_ends = upload(ends);
    int *d_keys_out = upload(std::vector<int>(n, -1)), *d_vals_out = upload(std::vector<int>(n, -1));
    void *d_temp = NULL;
    size_t temp_bytes = 0;
    CHECK(cub::DeviceSegmentedRadixSort::SortPairs(d_temp, temp_bytes, d_keys, d_keys_out, d_vals, d_vals_out,
                                                   n, 2, d_begins, d_ends) == cudaSuccess);
    cudaMalloc(&d_temp, temp_bytes);
    CHECK(cub::DeviceSegmentedRadixSort::SortPairs(d_temp, temp_bytes, d_keys, d_keys_out, d_vals, d_vals_out,
                                                   n, 2, d_begins, d_ends) == cudaSuccess);
    CHECK(download(d_keys_out, n) == std::vector<int>({3, 5, 9, -1, 2, 4, 6, 7, 7, 8}));
    CHECK(download(d_vals_out, n) == std::vector<int>({1, 0, 2, -1, 6, 9, 8, 4, 5, 7}));
    CHECK(cub::DeviceSegmentedSort::StableSortKeysDescending(d_temp, temp_bytes, d_keys, d_keys_out, n, 2,
                                                             d_begins, d_ends) == cudaSuccess);
    CHECK(download(d_keys_out, n) == std::vector<int>({9, 5, 3, -1, 8, 7, 7, 6, 4, 2}));
    // Merge sort in place by a comparison of the low digit (stable: ties keep their order).
    CHECK(cub::DeviceMergeSort::SortPairs(d_temp, temp_bytes, d_keys, d_vals, n, LowDigitLess()) ==
          cudaSuccess);
    std::vector<int> expect = keys;
    std::stable_sort(expect.begin(), expect.end(), LowDigitLess());
    CHECK(download(d_keys, n) == expect);
    // Adjacent differences, into a copy and in place.
    std::vector<int> seq = {1, 4, 9, 16, 25};
    int *d_seq = upload(seq), *d_diff = upload(std::vector<int>(5, 0));
    CHECK(cub::DeviceAdjacentDifference::SubtractLeftCopy(d_temp, temp_bytes, d_seq, d_diff, 5) == cudaSuccess);
    CHECK(download(d_diff, 5) == std::vector<int>({1, 3, 5, 7, 9}));
    CHECK(cub::DeviceAdjacentDifference::SubtractRight(d_temp, temp_bytes, d_seq, 5) == cudaSuccess);
    CHECK(download(d_seq, 5) == std::vector<int>({-3, -5, -7, -9, 25}));
    cudaFree(d_temp);
  }
  printf("%d errors\n", g_errors);
  printf(g_errors == 0 ? "PASS\n" : "FAIL\n");
  return g_errors == 0 ? 0 : 1;
}
