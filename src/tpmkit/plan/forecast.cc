#include "tpmkit/plan/forecast.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <new>
#include <thread>

namespace tpmkit::plan {

namespace {

constexpr int kChunk = 64;  // iterations per accumulation chunk (independent of threads)
constexpr uint64_t kGolden = 0x9e3779b97f4a7c15ULL;
constexpr uint64_t kRiskStreams = uint64_t{1} << 40;

uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// SplitMix64 over a state derived from (seed, iteration, stream).
class Stream {
 public:
  // `stream_key` is StreamKey(stream), precomputed: one mix per stream and iteration.
  Stream(uint64_t iteration_key, uint64_t stream_key) : state_(Mix(iteration_key ^ stream_key)) {}
  uint64_t Next() {
    state_ += kGolden;
    return Mix(state_);
  }
  // [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Marsaglia's polar method; the second deviate is kept for the next call.
  double Normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    for (;;) {
      double u = 2 * Uniform() - 1, v = 2 * Uniform() - 1;
      double s = u * u + v * v;
      if (s >= 1 || s == 0) continue;
      double f = std::sqrt(-2 * std::log(s) / s);
      spare_ = v * f;
      has_spare_ = true;
      return u * f;
    }
  }
  // Gamma(shape >= 1) by Marsaglia and Tsang; d = shape - 1/3, c = 1/sqrt(9d).
  double Gamma(double d, double c) {
    for (;;) {
      double x, v;
      do {
        x = Normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = Uniform();
      double x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (std::log(u) < 0.5 * x2 + d * (1 - v + std::log(v))) return d * v;
    }
  }

 private:
  uint64_t state_;
  double spare_ = 0;
  bool has_spare_ = false;
};

uint64_t StreamKey(uint64_t stream) { return Mix(stream + kGolden); }

uint64_t IterationKey(uint64_t seed, uint64_t iteration) {
  return Mix(Mix(seed ^ 0x5851f42d4c957f2dULL) + iteration * kGolden);
}

// A task whose duration varies between iterations.
struct Sampler {
  uint32_t k;           // topological index
  uint64_t stream_key;  // StreamKey(file index)
  model::Distribution dist;
  double o, range;  // optimistic, pessimistic - optimistic
  double a, b;      // triangular: (p-o)(m-o), (p-o)(p-m); pert: d, c of alpha
  double c2, d2;    // pert: d, c of beta
  double mode_cdf;  // triangular: (m-o)/(p-o)
  // One draw, one iteration at a time: the definition. SampleBlock and SamplePertBlock
  // compute the same values a block at a time.
  double Sample(Stream& s) const {
    switch (dist) {
      case model::Distribution::kUniform:
        return o + s.Uniform() * range;
      case model::Distribution::kTriangular: {
        double u = s.Uniform();
        if (u < mode_cdf) return o + std::sqrt(u * a);
        return o + range - std::sqrt((1 - u) * b);
      }
      case model::Distribution::kPert: {
        double x = s.Gamma(a, b);
        double y = s.Gamma(d2, c2);
        return o + range * (x / (x + y));
      }
    }
    return o;
  }
};

// Iterations run in blocks of kLanes: every per-task value of a block is stored as kLanes
// contiguous doubles (one cache line), so the link loops read one index and one lag per
// link for the whole block and their inner loops over the lanes compile to SIMD. The
// arithmetic of each lane is exactly that of a single iteration (the same operations in
// the same order, no contraction into FMA: see RunBlockAvx2), so blocking changes no bit.
constexpr int kLanes = 8;
static_assert(kChunk % kLanes == 0);

// 64-byte aligned array of doubles (a block row is one cache line).
class LaneBuffer {
 public:
  LaneBuffer() = default;
  explicit LaneBuffer(size_t count)
      : data_(static_cast<double*>(::operator new[](count * sizeof(double), std::align_val_t{64}))),
        size_(count) {
    std::fill(data_, data_ + size_, 0.0);
  }
  LaneBuffer(const LaneBuffer&) = delete;
  LaneBuffer& operator=(const LaneBuffer&) = delete;
  LaneBuffer(LaneBuffer&& o) noexcept : data_(o.data_), size_(o.size_) { o.data_ = nullptr; }
  LaneBuffer& operator=(LaneBuffer&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    return *this;
  }
  ~LaneBuffer() {
    if (data_) ::operator delete[](data_, std::align_val_t{64});
  }
  double* Data() { return data_; }

 private:
  double* data_ = nullptr;
  size_t size_ = 0;
};

struct Shared {
  Shared(const Network& n, const ForecastOptions& o) : net(n), options(o) {}
  const Network& net;
  const ForecastOptions& options;
  // Samplers grouped by distribution (each group in topological order; a task's draws
  // come from its own stream, so the order of the groups changes nothing).
  std::vector<Sampler> uniform, triangular, pert;
  std::vector<uint32_t> risk_reset;    // tasks touched by risks: reset to base each iteration
  std::vector<uint32_t> active_risks;  // indices into net.risks
  std::vector<uint64_t> risk_keys;     // StreamKey of each active risk
  std::vector<uint8_t> forced;         // by risk index
  std::vector<uint32_t> varying;       // tasks whose duration may vary (not finished)
  std::vector<double> base;            // deterministic duration by topological index
  // Per task, for the passes: progress and its constants, in one place.
  std::vector<double> lower;         // lower bound (not started) or actual start
  std::vector<double> finish_fixed;  // finished: actual finish
  double f0 = 0;                     // centre for F sums (deterministic finish)
  int iterations = 0;
  int chunks = 0;

  std::vector<double> finish;                 // F by iteration
  std::vector<double> sum_x, sum_xx, sum_xf;  // by position in `varying`, merged in chunk order
  std::vector<int64_t> critical_count;        // by topological index
  std::atomic<int> next_chunk{0};
  std::mutex mu;
  std::condition_variable cv;
  int next_merge = 0;
  bool aborted = false;
};

struct Worker {
  LaneBuffer dur;    // [k][lane]
  LaneBuffer early;  // [2k + which][lane]: ES, EF
  LaneBuffer late;   // [2k + which][lane]: LS, LF
  std::vector<double> sx, sxx, sxf;
  std::vector<int64_t> crit;
};

bool Cancelled(const Shared& sh) {
  return sh.options.cancel && sh.options.cancel->load(std::memory_order_relaxed);
}

// Beta-PERT for a whole block, with the same draws and operations as Sampler::Sample. The
// common case is done for all lanes at once without branches: the polar method accepts
// its first or second pair of uniforms, and both Marsaglia-Tsang gammas accept at once
// (v > 0, then the squeeze or the log test), using the spare normal for the second gamma.
// A lane outside that case (about 1 in 12) is sampled again by Sampler::Sample from the
// start of its stream, so every lane gets exactly the value of the one-at-a-time method.
[[gnu::always_inline]] inline void SamplePertBlock(const Sampler& s, const uint64_t* keys,
                                                   double* __restrict d) {
  constexpr int L = kLanes;
  constexpr int kDraws = 6;  // two polar attempts (4) and the two gammas' uniforms (2)
  double u[kDraws][L];
  for (int l = 0; l < L; ++l) {
    uint64_t state = Mix(keys[l] ^ s.stream_key);  // as Stream's constructor
    for (int i = 0; i < kDraws; ++i) {
      state += kGolden;
      u[i][l] = static_cast<double>(Mix(state) >> 11) * 0x1.0p-53;
    }
  }
  double pu[L], pv[L], ps[L], ua[L], ub[L];
  bool ok[L];
  for (int l = 0; l < L; ++l) {
    const double u1 = 2 * u[0][l] - 1, v1 = 2 * u[1][l] - 1;
    const double s1 = u1 * u1 + v1 * v1;
    const double u2 = 2 * u[2][l] - 1, v2 = 2 * u[3][l] - 1;
    const double s2 = u2 * u2 + v2 * v2;
    const bool first = s1 < 1 && s1 != 0;  // Normal() rejects s >= 1 and s == 0
    const bool second = s2 < 1 && s2 != 0;
    pu[l] = first ? u1 : u2;
    pv[l] = first ? v1 : v2;
    ps[l] = first ? s1 : second ? s2 : 0.5;  // 0.5: any valid value, the lane is redone
    ua[l] = first ? u[2][l] : u[4][l];
    ub[l] = first ? u[3][l] : u[5][l];
    ok[l] = first || second;
  }
  double lg[L];
  for (int l = 0; l < L; ++l) lg[l] = std::log(ps[l]);
  double out[L], x2[L], y2[L], va[L], vb[L];
  bool a_ok[L], b_ok[L];
  for (int l = 0; l < L; ++l) {
    const double f = std::sqrt(-2 * lg[l] / ps[l]);
    const double x = pu[l] * f, y = pv[l] * f;
    double v = 1 + s.b * x;  // Gamma(a, b)
    ok[l] = ok[l] && v > 0;
    va[l] = v * v * v;
    x2[l] = x * x;
    a_ok[l] = ua[l] < 1 - 0.0331 * x2[l] * x2[l];
    v = 1 + s.c2 * y;  // Gamma(d2, c2), on the spare normal
    ok[l] = ok[l] && v > 0;
    vb[l] = v * v * v;
    y2[l] = y * y;
    b_ok[l] = ub[l] < 1 - 0.0331 * y2[l] * y2[l];
    const double ga = s.a * va[l], gb = s.d2 * vb[l];
    out[l] = s.o + s.range * (ga / (ga + gb));
  }
  // The squeeze fails in about 1 in 10 gammas: then the log test, lane by lane.
  for (int l = 0; l < L; ++l) {
    if (!ok[l]) continue;
    if (!a_ok[l]) a_ok[l] = std::log(ua[l]) < 0.5 * x2[l] + s.a * (1 - va[l] + std::log(va[l]));
    if (!b_ok[l]) b_ok[l] = std::log(ub[l]) < 0.5 * y2[l] + s.d2 * (1 - vb[l] + std::log(vb[l]));
    ok[l] = a_ok[l] && b_ok[l];
  }
  for (int l = 0; l < L; ++l) {
    if (ok[l]) [[likely]] {
      d[l] = out[l];
    } else {
      Stream st(keys[l], s.stream_key);
      d[l] = s.Sample(st);
    }
  }
}

// Samples the durations of a block: dur[k * kLanes + lane] for iteration keys[lane].
// Always inlined into RunBlockImpl, so it is compiled for its caller's instruction set.
[[gnu::always_inline]] inline void SampleBlock(const Shared& sh, const uint64_t* keys,
                                               double* __restrict dur) {
  constexpr int L = kLanes;
  for (uint32_t k : sh.risk_reset) {
    for (int l = 0; l < L; ++l) dur[size_t{k} * L + l] = sh.base[k];
  }
  for (const Sampler& s : sh.uniform) {
    double* d = dur + size_t{s.k} * L;
    for (int l = 0; l < L; ++l) {
      Stream st(keys[l], s.stream_key);
      d[l] = s.o + st.Uniform() * s.range;
    }
  }
  for (const Sampler& s : sh.triangular) {
    double* d = dur + size_t{s.k} * L;
    for (int l = 0; l < L; ++l) {
      Stream st(keys[l], s.stream_key);
      const double u = st.Uniform();
      // Both branches, then a select: the same values as the branchy form, without the
      // misprediction.
      const double lo = s.o + std::sqrt(u * s.a);
      const double hi = s.o + s.range - std::sqrt((1 - u) * s.b);
      d[l] = u < s.mode_cdf ? lo : hi;
    }
  }
  for (const Sampler& s : sh.pert) SamplePertBlock(s, keys, dur + size_t{s.k} * L);
  for (size_t i = 0; i < sh.active_risks.size(); ++i) {
    const uint32_t r = sh.active_risks[i];
    const RiskEffect& e = sh.net.risks[r];
    for (int l = 0; l < L; ++l) {
      Stream st(keys[l], sh.risk_keys[i]);
      const bool happens = st.Uniform() < e.probability;
      if (happens || sh.forced[r]) {
        for (uint32_t k : e.tasks) dur[size_t{k} * L + l] += e.days;
      }
    }
  }
}

// W doubles (and W int64 masks) as GCC vector types, one specialization per width (a
// dependent vector_size does not survive in a template).
template <int W>
struct VectorOf;
template <>
struct VectorOf<2> {
  typedef double Double __attribute__((vector_size(16)));
  typedef int64_t Int __attribute__((vector_size(16)));
};
template <>
struct VectorOf<4> {
  typedef double Double __attribute__((vector_size(32)));
  typedef int64_t Int __attribute__((vector_size(32)));
};
template <>
struct VectorOf<8> {
  typedef double Double __attribute__((vector_size(64)));
  typedef int64_t Int __attribute__((vector_size(64)));
};

// One block of kLanes iterations starting at `first`, of which the first `active` count:
// sample, forward and backward pass, accumulate. Writes F of the active lanes to `fout`.
// W is the vector width in doubles of the instruction set it is compiled for (see
// RunBlockAvx2 for why every version gives the same bits).
template <int W>
[[gnu::always_inline]] inline void RunBlockImpl(const Shared& sh, Worker& w, int first, int active,
                                                double* fout) {
  constexpr int L = kLanes;
  const Network& net = sh.net;
  const size_t n = net.n;
  double* __restrict dur = w.dur.Data();
  uint64_t keys[L];
  for (int l = 0; l < L; ++l)
    keys[l] =
        IterationKey(sh.options.seed, static_cast<uint64_t>(first) + static_cast<uint64_t>(l));
  SampleBlock(sh, keys, dur);

  // The passes work on whole blocks, as G vectors V of W doubles (GCC vector extension;
  // W is the register width of the target the caller is compiled for). `a < x ? x : a`
  // is std::max(a, x) and `x < a ? x : a` std::min(a, x), lane by lane, so every lane
  // computes exactly what a single iteration computes.
  using V = typename VectorOf<W>::Double;
  using M = typename VectorOf<W>::Int;
  constexpr int G = L / W;
  static_assert(G * W == L);
  // Macros, not lambdas: a function taking or returning V would have a target-dependent
  // ABI (-Wpsabi).
#define TPMKIT_LOAD(p, g) (*reinterpret_cast<const V*>((p) + static_cast<size_t>(g) * W))
#define TPMKIT_STORE(p, g, v) (*reinterpret_cast<V*>((p) + static_cast<size_t>(g) * W) = (v))

  V f[G];
  for (int g = 0; g < G; ++g) f[g] = V{} + (n == 0 ? 0 : -std::numeric_limits<double>::infinity());

  double* __restrict early = w.early.Data();
  {
    const uint32_t* begin = net.preds.begin.data();
    const uint32_t* mid = net.preds.mid.data();
    const uint32_t* ref = net.preds.ref.data();
    const double* lag = net.preds.lag_real.data();
    const double* lower = sh.lower.data();
    const Progress* progress = net.progress.data();
    const double status = net.status_pos;
    for (size_t k = 0; k < n; ++k) {
      double* out = early + 2 * k * L;
      const double* dk = dur + k * L;
      V es[G], ef[G];
      if (progress[k] == Progress::kNotStarted) [[likely]] {
        for (int g = 0; g < G; ++g) es[g] = V{} + lower[k];
        const uint32_t b = begin[k], m = mid[k], e = begin[k + 1];
        for (uint32_t j = b; j < m; ++j) {
          const double* src = early + size_t{ref[j]} * L;
          const double lg = lag[j];
          for (int g = 0; g < G; ++g) {
            const V x = TPMKIT_LOAD(src, g) + lg;
            es[g] = es[g] < x ? x : es[g];
          }
        }
        for (uint32_t j = m; j < e; ++j) {
          const double* src = early + size_t{ref[j]} * L;
          const double lg = lag[j];
          for (int g = 0; g < G; ++g) {
            const V x = TPMKIT_LOAD(src, g) + lg - TPMKIT_LOAD(dk, g);
            es[g] = es[g] < x ? x : es[g];
          }
        }
        for (int g = 0; g < G; ++g) ef[g] = es[g] + TPMKIT_LOAD(dk, g);
      } else if (progress[k] == Progress::kInProgress) {
        const double from = std::max(status, lower[k]);
        const double frac = net.remaining_fraction[k];
        for (int g = 0; g < G; ++g) {
          es[g] = V{} + lower[k];
          ef[g] = (V{} + from) + TPMKIT_LOAD(dk, g) * frac;
        }
      } else {
        for (int g = 0; g < G; ++g) {
          es[g] = V{} + lower[k];
          ef[g] = V{} + sh.finish_fixed[k];
        }
      }
      for (int g = 0; g < G; ++g) {
        TPMKIT_STORE(out, g, es[g]);
        TPMKIT_STORE(out + L, g, ef[g]);
        f[g] = f[g] < ef[g] ? ef[g] : f[g];
      }
    }
  }

  double* __restrict late = w.late.Data();
  {
    const uint32_t* begin = net.succs.begin.data();
    const uint32_t* mid = net.succs.mid.data();
    const uint32_t* ref = net.succs.ref.data();
    const double* lag = net.succs.lag_real.data();
    const Progress* progress = net.progress.data();
    int64_t* crit = w.crit.data();
    M live[G] = {};
    for (int l = 0; l < L; ++l) live[l / W][l % W] = l < active ? 1 : 0;
    for (size_t k = n; k-- > 0;) {
      const double* ek = early + 2 * k * L;
      V ef[G], dv[G], lf[G];
      for (int g = 0; g < G; ++g) {
        ef[g] = TPMKIT_LOAD(ek + L, g);
        dv[g] = ef[g] - TPMKIT_LOAD(ek, g);
        lf[g] = f[g];
      }
      const uint32_t b = begin[k], m = mid[k], e = begin[k + 1];
      for (uint32_t j = b; j < m; ++j) {
        const double* src = late + size_t{ref[j]} * L;
        const double lg = lag[j];
        for (int g = 0; g < G; ++g) {
          const V x = TPMKIT_LOAD(src, g) - lg + dv[g];
          lf[g] = x < lf[g] ? x : lf[g];
        }
      }
      for (uint32_t j = m; j < e; ++j) {
        const double* src = late + size_t{ref[j]} * L;
        const double lg = lag[j];
        for (int g = 0; g < G; ++g) {
          const V x = TPMKIT_LOAD(src, g) - lg;
          lf[g] = x < lf[g] ? x : lf[g];
        }
      }
      double* out = late + 2 * k * L;
      M hit{};
      for (int g = 0; g < G; ++g) {
        TPMKIT_STORE(out, g, lf[g] - dv[g]);
        TPMKIT_STORE(out + L, g, lf[g]);
        hit += (lf[g] - ef[g] <= 1e-9) & live[g];  // -1 & 1: 1 per critical active lane
      }
      if (progress[k] != Progress::kFinished) {
        int64_t c = 0;
        for (int l = 0; l < W; ++l) c += hit[l];
        crit[k] += c;
      }
    }
  }

#undef TPMKIT_LOAD
#undef TPMKIT_STORE

  // Sums in iteration order within the chunk, as one iteration at a time would add them.
  double fc[L];
  for (int l = 0; l < L; ++l) fc[l] = f[l / W][l % W] - sh.f0;
  const uint32_t* varying = sh.varying.data();
  const double* base = sh.base.data();
  double* sx = w.sx.data();
  double* sxx = w.sxx.data();
  double* sxf = w.sxf.data();
  for (size_t v = 0, nv = sh.varying.size(); v < nv; ++v) {
    const uint32_t k = varying[v];
    const double* d = dur + size_t{k} * L;
    double a = sx[v], aa = sxx[v], af = sxf[v];
    for (int l = 0; l < active; ++l) {
      const double x = d[l] - base[k];
      a += x;
      aa += x * x;
      af += x * fc[l];
    }
    sx[v] = a;
    sxx[v] = aa;
    sxf[v] = af;
  }
  for (int l = 0; l < active; ++l) fout[l] = f[l / W][l % W];
}

void RunBlockBaseline(const Shared& sh, Worker& w, int first, int active, double* fout) {
  RunBlockImpl<2>(sh, w, first, active, fout);
}

// The same block compiled for wider vectors, chosen at run time. None of these may fuse
// a * b + c into one FMA (one rounding instead of two would change the numbers between
// machines): AVX2 does not include FMA, and the AVX-512 version (which does) is compiled
// with fp-contract=off, which only GCC's optimize attribute can say per function; so it
// is built with GCC only. TPMKIT_FORECAST_BASELINE_ONLY builds the baseline alone (for
// checking that every version gives the same bits).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(TPMKIT_FORECAST_BASELINE_ONLY)
#define TPMKIT_FORECAST_AVX2 1
[[gnu::target("avx2")]] void RunBlockAvx2(const Shared& sh, Worker& w, int first, int active,
                                          double* fout) {
  RunBlockImpl<4>(sh, w, first, active, fout);
}
#if !defined(__clang__)
#define TPMKIT_FORECAST_AVX512 1
[[gnu::target("avx512f,avx512dq,avx512vl"), gnu::optimize("fp-contract=off")]] void RunBlockAvx512(
    const Shared& sh, Worker& w, int first, int active, double* fout) {
  RunBlockImpl<8>(sh, w, first, active, fout);
}
#endif
#endif

using BlockFn = void (*)(const Shared&, Worker&, int, int, double*);

BlockFn PickBlockFn() {
#ifdef TPMKIT_FORECAST_AVX512
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512vl"))
    return RunBlockAvx512;
#endif
#ifdef TPMKIT_FORECAST_AVX2
  if (__builtin_cpu_supports("avx2")) return RunBlockAvx2;
#endif
  return RunBlockBaseline;
}

void WorkLoop(Shared& sh) {
  Worker w;
  const size_t n = sh.net.n;
  w.dur = LaneBuffer(std::max<size_t>(1, n) * kLanes);
  for (size_t k = 0; k < n; ++k) {
    for (int l = 0; l < kLanes; ++l) w.dur.Data()[k * kLanes + l] = sh.base[k];
  }
  w.early = LaneBuffer(std::max<size_t>(1, 2 * n) * kLanes);
  w.late = LaneBuffer(std::max<size_t>(1, 2 * n) * kLanes);
  w.crit.assign(n, 0);
  const size_t nv = sh.varying.size();
  w.sx.resize(nv);
  w.sxx.resize(nv);
  w.sxf.resize(nv);
  const BlockFn run_block = PickBlockFn();
  for (;;) {
    const int c = sh.next_chunk.fetch_add(1);
    if (c >= sh.chunks) break;
    std::fill(w.sx.begin(), w.sx.end(), 0.0);
    std::fill(w.sxx.begin(), w.sxx.end(), 0.0);
    std::fill(w.sxf.begin(), w.sxf.end(), 0.0);
    const int first = c * kChunk, last = std::min(sh.iterations, first + kChunk);
    bool stop = false;
    for (int it = first; it < last && !stop; it += kLanes) {
      if (Cancelled(sh))
        stop = true;
      else
        run_block(sh, w, it, std::min(kLanes, last - it), sh.finish.data() + it);
    }
    std::unique_lock<std::mutex> lock(sh.mu);
    if (stop) {
      sh.aborted = true;
      sh.cv.notify_all();
      break;
    }
    sh.cv.wait(lock, [&] { return sh.next_merge == c || sh.aborted; });
    if (sh.aborted) break;
    for (size_t v = 0; v < nv; ++v) {
      sh.sum_x[v] += w.sx[v];
      sh.sum_xx[v] += w.sxx[v];
      sh.sum_xf[v] += w.sxf[v];
    }
    ++sh.next_merge;
    if (sh.options.progress) sh.options.progress(static_cast<double>(sh.next_merge) / sh.chunks);
    sh.cv.notify_all();
  }
  std::lock_guard<std::mutex> lock(sh.mu);
  for (size_t k = 0; k < n; ++k) sh.critical_count[k] += w.crit[k];
}

FinishValue MakeFinish(const WorkCalendar& cal, double f) {
  const int64_t fpos = static_cast<int64_t>(std::ceil(f - 1e-9));
  return {f, cal.FinishDate(fpos, fpos)};
}

}  // namespace

Result<Forecast> RunForecast(const Network& net, const ForecastOptions& options) {
  if (options.iterations < 1) return Error::Invalid("iterations must be at least 1");
  Shared sh(net, options);
  const size_t n = net.n;
  sh.forced.assign(net.risks.size(), 0);
  for (const auto& id : options.forced_risks) {
    auto it = std::find_if(net.risks.begin(), net.risks.end(),
                           [&](const RiskEffect& r) { return r.id == id; });
    if (it == net.risks.end()) return Error::NotFound("no risk '" + id + "'");
    sh.forced[it - net.risks.begin()] = 1;
  }
  sh.base = net.duration_real;
  std::vector<uint8_t> varies(n, 0);
  for (uint32_t k = 0; k < n; ++k) {
    if (net.progress[k] == Progress::kFinished || !net.estimate[k]) continue;
    const TaskEstimate& e = *net.estimate[k];
    const double o = e.optimistic, m = e.likely, p = e.pessimistic;
    if (!(p > o)) {
      sh.base[k] = o;  // a degenerate estimate is a fixed duration
      continue;
    }
    Sampler s{};
    s.k = k;
    s.stream_key = StreamKey(net.order[k]);
    s.dist = e.distribution;
    s.o = o;
    s.range = p - o;
    s.mode_cdf = (m - o) / (p - o);
    if (e.distribution == model::Distribution::kTriangular) {
      s.a = (p - o) * (m - o);
      s.b = (p - o) * (p - m);
    } else if (e.distribution == model::Distribution::kPert) {
      const double alpha = 1 + 4 * (m - o) / (p - o);
      const double beta = 1 + 4 * (p - m) / (p - o);
      s.a = alpha - 1.0 / 3;
      s.b = 1 / std::sqrt(9 * s.a);
      s.d2 = beta - 1.0 / 3;
      s.c2 = 1 / std::sqrt(9 * s.d2);
    }
    switch (e.distribution) {
      case model::Distribution::kUniform:
        sh.uniform.push_back(s);
        break;
      case model::Distribution::kTriangular:
        sh.triangular.push_back(s);
        break;
      case model::Distribution::kPert:
        sh.pert.push_back(s);
        break;
    }
    varies[k] = 1;
  }
  for (size_t r = 0; r < net.risks.size(); ++r) {
    const RiskEffect& e = net.risks[r];
    if (e.tasks.empty() || e.days == 0 || !(e.active || sh.forced[r])) continue;
    sh.active_risks.push_back(static_cast<uint32_t>(r));
    sh.risk_keys.push_back(StreamKey(kRiskStreams + r));
    for (uint32_t k : e.tasks) {
      if (net.progress[k] == Progress::kFinished) continue;
      if (!varies[k]) sh.risk_reset.push_back(k);
      varies[k] = 1;
    }
  }
  std::sort(sh.risk_reset.begin(), sh.risk_reset.end());
  sh.risk_reset.erase(std::unique(sh.risk_reset.begin(), sh.risk_reset.end()), sh.risk_reset.end());
  for (uint32_t k = 0; k < n; ++k) {
    if (varies[k]) sh.varying.push_back(k);
  }
  sh.lower.resize(n);
  sh.finish_fixed.assign(n, 0);
  for (uint32_t k = 0; k < n; ++k) {
    if (net.progress[k] == Progress::kNotStarted) {
      sh.lower[k] = net.lower_bound[k];
    } else {
      sh.lower[k] = net.actual_start[k];
      if (net.progress[k] == Progress::kFinished) sh.finish_fixed[k] = net.actual_finish[k];
    }
  }
  {
    // Centre the F sums on the finish with base durations, for a stable Pearson.
    double f0 = 0;
    for (uint32_t k = 0; k < n; ++k)
      f0 = std::max(f0, static_cast<double>(net.lower_bound[k]) + sh.base[k]);
    sh.f0 = f0;
  }
  sh.iterations = options.iterations;
  sh.chunks = (options.iterations + kChunk - 1) / kChunk;
  sh.finish.assign(options.iterations, 0);
  sh.sum_x.assign(sh.varying.size(), 0);
  sh.sum_xx.assign(sh.varying.size(), 0);
  sh.sum_xf.assign(sh.varying.size(), 0);
  sh.critical_count.assign(n, 0);

  int threads = options.threads > 0
                    ? options.threads
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min(threads, sh.chunks);
  {
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back([&sh] { WorkLoop(sh); });
    WorkLoop(sh);
    for (auto& t : pool) t.join();
  }
  Forecast out;
  if (sh.aborted) {
    out.cancelled = true;
    return out;
  }

  const int N = options.iterations;
  out.iterations = N;
  out.seed = options.seed;
  out.target = net.target;
  const WorkCalendar& cal = net.calendar;
  double sum_f = 0, sum_fc = 0, sum_fcc = 0;
  int64_t on_time = 0;
  for (int i = 0; i < N; ++i) {
    const double f = sh.finish[i];
    sum_f += f;
    const double fc = f - sh.f0;
    sum_fc += fc;
    sum_fcc += fc * fc;
    if (net.target_end) {
      const int64_t fpos = static_cast<int64_t>(std::ceil(f - 1e-9));
      const int64_t day_index = fpos == 0 ? 0 : fpos - 1;
      on_time += day_index <= *net.target_end - 1 ? 1 : 0;
    }
  }
  if (net.target_end) out.p_on_time = static_cast<double>(on_time) / N;
  std::vector<double> sorted = sh.finish;
  std::sort(sorted.begin(), sorted.end());
  auto quantile = [&](int64_t q) {
    int64_t rank = std::max<int64_t>(1, (q * N + 99) / 100);  // ceil(q/100 * N)
    return MakeFinish(cal, sorted[rank - 1]);
  };
  out.p10 = quantile(10);
  out.p50 = quantile(50);
  out.p80 = quantile(80);
  out.p90 = quantile(90);
  out.mean = MakeFinish(cal, sum_f / N);
  out.percentiles.reserve(100);
  for (int64_t q = 1; q <= 100; ++q) out.percentiles.push_back(quantile(q).date);

  out.tasks.resize(n);
  const double mean_fc = sum_fc / N;
  const double var_f = sum_fcc / N - mean_fc * mean_fc;
  for (uint32_t k = 0; k < n; ++k) {
    out.tasks[net.order[k]].criticality = static_cast<double>(sh.critical_count[k]) / N;
  }
  for (size_t v = 0; v < sh.varying.size(); ++v) {
    const double mx = sh.sum_x[v] / N;
    const double var_x = sh.sum_xx[v] / N - mx * mx;
    const double cov = sh.sum_xf[v] / N - mx * mean_fc;
    double r = 0;
    if (var_x > 1e-12 && var_f > 1e-12) r = std::clamp(cov / std::sqrt(var_x * var_f), -1.0, 1.0);
    out.tasks[net.order[sh.varying[v]]].sensitivity = r;
  }
  return out;
}

Result<Forecast> RunForecast(const model::Program& program, const ForecastOptions& options) {
  CompileOptions co;
  co.as_of = options.as_of;
  TPMKIT_ASSIGN_OR_RETURN(Network net, Compile(program, co));
  return RunForecast(net, options);
}

}  // namespace tpmkit::plan
