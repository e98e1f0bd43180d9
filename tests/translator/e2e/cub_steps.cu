// End to end: CUB collectives called at block level run as collective statements of the
// barrier-region form (npu_block.collective, once per step; kernel/collectives.cu shows the
// form). Each result is checked against a host reference; the same collectives under
// thread-dependent control run on fibers, where their barriers are barriers, and must agree.
// Covered: reductions with num_valid and in a loop, two collectives in a row on separate
// storage, scans of arrays with a running prefix callback across tiles, exchange, radix sort of
// pairs, warp reductions, scans and broadcasts, a 2D block.
#include <cub/cub.cuh>
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

static int g_errors = 0;
#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      printf("check failed at line %d: %s\n", __LINE__, #cond);                                    \
      ++g_errors;                                                                                  \
    }                                                                                              \
  } while (0)

// Per tile: the sum of the first `valid` inputs, and the maximum of all.
__global__ void tileStats(const int *in, int *sums, int *maxima, int tiles, int valid) {
  typedef cub::BlockReduce<int, 128> Reduce;
  __shared__ Reduce::TempStorage sum_storage;
  __shared__ Reduce::TempStorage max_storage;
  for (int t = 0; t < tiles; ++t) {
    int v = in[(blockIdx.x * tiles + t) * 128 + threadIdx.x];
    int sum = Reduce(sum_storage).Sum(v, valid);
    int largest = Reduce(max_storage).Reduce(v, cub::Max());
    if (threadIdx.x == 0) {
      sums[blockIdx.x * tiles + t] = sum;
      maxima[blockIdx.x * tiles + t] = largest;
    }
    __syncthreads();
  }
}

// The same on fibers: the collectives under a condition that depends on the thread.
__global__ void tileStatsFibers(const int *in, int *sums, int *maxima, int tiles, int valid) {
  typedef cub::BlockReduce<int, 128> Reduce;
  __shared__ Reduce::TempStorage sum_storage;
  __shared__ Reduce::TempStorage max_storage;
  for (int t = 0; t < tiles; ++t) {
    int v = in[(blockIdx.x * tiles + t) * 128 + threadIdx.x];
    if (threadIdx.x < 1024) {
      int sum = Reduce(sum_storage).Sum(v, valid);
      int largest = Reduce(max_storage).Reduce(v, cub::Max());
      if (threadIdx.x == 0) {
        sums[blockIdx.x * tiles + t] = sum;
        maxima[blockIdx.x * tiles + t] = largest;
      }
    }
    __syncthreads();
  }
}

// A running prefix carried across tiles by the first warp's callback.
struct RunningPrefix {
  int running_total;
  __device__ int operator()(int block_aggregate) {
    int old = running_total;
    running_total += block_aggregate;
    return old;
  }
};

// Inclusive scan of a whole row, tile by tile (blocked items), with the row's running total.
template <int THREADS, int ITEMS>
__global__ void rowScan(const int *in, int *out, int *totals, int tiles) {
  typedef cub::BlockScan<int, THREADS> Scan;
  __shared__ typename Scan::TempStorage scan_storage;
  RunningPrefix prefix = RunningPrefix{0};
  for (int t = 0; t < tiles; ++t) {
    const int offset = (blockIdx.x * tiles + t) * THREADS * ITEMS;
    int items[ITEMS];
    cub::LoadDirectBlocked(threadIdx.x, in + offset, items);
    int aggregate;
    Scan(scan_storage).InclusiveScan(items, items, cub::Sum(), aggregate);
    cub::StoreDirectBlocked(threadIdx.x, out + offset, items);
    __syncthreads();
    int exclusive[ITEMS];
    cub::LoadDirectBlocked(threadIdx.x, in + offset, exclusive);
    Scan(scan_storage).ExclusiveSum(exclusive, exclusive, prefix);
    if (threadIdx.x == THREADS - 1)
      totals[blockIdx.x * tiles + t] = exclusive[ITEMS - 1] + in[offset + THREADS * ITEMS - 1];
    if (threadIdx.x == 0 && exclusive[0] - prefix.running_total + aggregate != 0)
      totals[blockIdx.x * tiles + t] = -1; // the callback's prefix and the aggregate disagree
    __syncthreads();
  }
}

// Striped input to blocked, sorted descending by key with values, stored blocked.
template <int THREADS, int ITEMS>
__global__ void sortPairs(const unsigned *keys_in, const int *values_in, unsigned *keys_out,
                          int *values_out) {
  typedef cub::BlockExchange<unsigned, THREADS, ITEMS> Exchange;
  typedef cub::BlockRadixSort<unsigned, THREADS, ITEMS, int> Sort;
  __shared__ union {
    typename Exchange::TempStorage exchange;
    typename Sort::TempStorage sort;
  } temp;
  const int offset = blockIdx.x * THREADS * ITEMS;
  unsigned keys[ITEMS];
  int values[ITEMS];
  cub::LoadDirectStriped<THREADS>(threadIdx.x, keys_in + offset, keys);
  Exchange(temp.exchange).StripedToBlocked(keys);
  cub::LoadDirectBlocked(threadIdx.x, values_in + offset, values);
  __syncthreads();
  Sort(temp.sort).SortDescending(keys, values);
  cub::StoreDirectBlocked(threadIdx.x, keys_out + offset, keys);
  cub::StoreDirectBlocked(threadIdx.x, values_out + offset, values);
}

// Every warp of a 2D block (32 x 4): its sum, its exclusive scan, lane 5's value broadcast; and
// the block's sum over both dimensions.
__global__ void warps2d(const int *in, int *warp_sums, int *scans, int *lane5, int *block_sum) {
  typedef cub::WarpReduce<int> WarpReduce;
  typedef cub::WarpScan<int> WarpScan;
  typedef cub::BlockReduce<int, 32, cub::BLOCK_REDUCE_WARP_REDUCTIONS, 4> BlockReduce;
  __shared__ WarpReduce::TempStorage reduce_storage[4];
  __shared__ WarpScan::TempStorage scan_storage[4];
  __shared__ BlockReduce::TempStorage block_storage;
  const int warp = threadIdx.y;
  const int gid = (blockIdx.x * 4 + threadIdx.y) * 32 + threadIdx.x;
  int v = in[gid];
  int sum = WarpReduce(reduce_storage[warp]).Sum(v);
  int exclusive;
  WarpScan(scan_storage[warp]).ExclusiveSum(v, exclusive);
  int five = WarpScan(scan_storage[warp]).Broadcast(v, 5);
  int total = BlockReduce(block_storage).Sum(v);
  scans[gid] = exclusive;
  lane5[gid] = five;
  if (threadIdx.x == 0)
    warp_sums[gid / 32] = sum;
  if (threadIdx.x == 0 && threadIdx.y == 0)
    block_sum[blockIdx.x] = total;
}

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
  {
    const int blocks = 3, tiles = 4, valid = 100, n = blocks * tiles * 128;
    std::vector<int> h(n);
    for (int i = 0; i < n; ++i)
      h[i] = (i * 7919) % 1001 - 500;
    int *d_in = upload(h), *d_sums, *d_max;
    cudaMalloc(&d_sums, blocks * tiles * sizeof(int));
    cudaMalloc(&d_max, blocks * tiles * sizeof(int));
    for (int fibers = 0; fibers < 2; ++fibers) {
      cudaMemset(d_sums, 0, blocks * tiles * sizeof(int));
      cudaMemset(d_max, 0, blocks * tiles * sizeof(int));
      if (fibers)
        tileStatsFibers<<<blocks, 128>>>(d_in, d_sums, d_max, tiles, valid);
      else
        tileStats<<<blocks, 128>>>(d_in, d_sums, d_max, tiles, valid);
      CHECK(cudaDeviceSynchronize() == cudaSuccess);
      std::vector<int> sums = download(d_sums, blocks * tiles), maxima = download(d_max, blocks * tiles);
      for (int t = 0; t < blocks * tiles; ++t) {
        CHECK(sums[t] == std::accumulate(h.begin() + t * 128, h.begin() + t * 128 + valid, 0));
        CHECK(maxima[t] == *std::max_element(h.begin() + t * 128, h.begin() + t * 128 + 128));
      }
    }
  }
  {
    const int threads = 64, items = 3, tiles = 3, blocks = 2, n = blocks * tiles * threads * items;
    std::vector<int> h(n);
    for (int i = 0; i < n; ++i)
      h[i] = (i * 31) % 17 - 8;
    int *d_in = upload(h), *d_out, *d_totals;
    cudaMalloc(&d_out, n * sizeof(int));
    cudaMalloc(&d_totals, blocks * tiles * sizeof(int));
    rowScan<threads, items><<<blocks, threads>>>(d_in, d_out, d_totals, tiles);
    CHECK(cudaDeviceSynchronize() == cudaSuccess);
    std::vector<int> out = download(d_out, n), totals = download(d_totals, blocks * tiles);
    const int tile = threads * items;
    for (int b = 0; b < blocks; ++b) {
      int row = 0;
      for (int t = 0; t < tiles; ++t) {
        int running = 0;
        for (int i = 0; i < tile; ++i) {
          const int at = (b * tiles + t) * tile + i;
          running += h[at];
          CHECK(out[at] == running);
        }
        row += running;
        CHECK(totals[b * tiles + t] == row);
      }
    }
  }
  {
    const int threads = 32, items = 4, blocks = 2, n = blocks * threads * items;
    std::vector<unsigned> keys(n);
    std::vector<int> values(n);
    for (int i = 0; i < n; ++i) {
      keys[i] = (unsigned(i) * 2654435761u) >> 20;
      values[i] = i;
    }
    unsigned *d_keys = upload(keys), *d_keys_out;
    int *d_values = upload(values), *d_values_out;
    cudaMalloc(&d_keys_out, n * sizeof(unsigned));
    cudaMalloc(&d_values_out, n * sizeof(int));
    sortPairs<threads, items><<<blocks, threads>>>(d_keys, d_values, d_keys_out, d_values_out);
    CHECK(cudaDeviceSynchronize() == cudaSuccess);
    std::vector<unsigned> got_keys = download(d_keys_out, n);
    std::vector<int> got_values = download(d_values_out, n);
    const int tile = threads * items;
    for (int b = 0; b < blocks; ++b) {
      // Loaded striped and exchanged to blocked, thread t's key i is tile element t * items + i,
      // as is its value (loaded blocked): pairs are (keys[k], values[k]).
      std::vector<std::pair<unsigned, int>> pairs;
      for (int k = 0; k < tile; ++k)
        pairs.push_back({keys[b * tile + k], values[b * tile + k]});
      std::stable_sort(pairs.begin(), pairs.end(),
                       [](auto &x, auto &y) { return x.first > y.first; });
      for (int i = 0; i < tile; ++i) {
        CHECK(got_keys[b * tile + i] == pairs[i].first);
        CHECK(got_values[b * tile + i] == pairs[i].second);
      }
    }
  }
  {
    const int blocks = 2, n = blocks * 128;
    std::vector<int> h(n);
    for (int i = 0; i < n; ++i)
      h[i] = (i * 13) % 29 - 14;
    int *d_in = upload(h), *d_sums, *d_scans, *d_lane5, *d_block;
    cudaMalloc(&d_sums, n / 32 * sizeof(int));
    cudaMalloc(&d_scans, n * sizeof(int));
    cudaMalloc(&d_lane5, n * sizeof(int));
    cudaMalloc(&d_block, blocks * sizeof(int));
    warps2d<<<blocks, dim3(32, 4)>>>(d_in, d_sums, d_scans, d_lane5, d_block);
    CHECK(cudaDeviceSynchronize() == cudaSuccess);
    std::vector<int> sums = download(d_sums, n / 32), scans = download(d_scans, n),
                     lane5 = download(d_lane5, n), block = download(d_block, blocks);
    for (int w = 0; w < n / 32; ++w) {
      int running = 0;
      for (int l = 0; l < 32; ++l) {
        CHECK(scans[w * 32 + l] == running);
        CHECK(lane5[w * 32 + l] == h[w * 32 + 5]);
        running += h[w * 32 + l];
      }
      CHECK(sums[w] == running);
    }
    for (int b = 0; b < blocks; ++b)
      CHECK(block[b] == std::accumulate(h.begin() + b * 128, h.begin() + b * 128 + 128, 0));
  }
  printf(g_errors ? "FAIL: %d checks failed\n" : "PASS\n", g_errors);
  return g_errors != 0;
}
